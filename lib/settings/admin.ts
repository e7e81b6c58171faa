import 'server-only';
import type { AuditActor } from '@/lib/domain/audit';
import { appendAudit } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { lockSettingRows, readSettingRows, writeSettingRows } from '@/lib/db/settings';
import { AppError } from '@/lib/http/errors';
import { SETTING_DEFINITIONS, type RuntimeSettings, type SettingDefinition } from '@/lib/domain/settings';
import { applyOverrides, isEmptyChange, parseOverrides, planSettingsChange, SETTING_KEYS, settingKey, type Overrides } from './resolve';
import { envDefaults, invalidateRuntimeSettings } from './runtime';
import { checkSettings, type SettingsPatch } from './schema';

export type SettingsView = {
  definitions: readonly SettingDefinition[];
  defaults: RuntimeSettings;
  overrides: Overrides;
  effective: RuntimeSettings;
};

/** The settings as stored now (no cache), with this instance's defaults. */
export async function getSettingsView(): Promise<SettingsView> {
  const overrides = parseOverrides(await readSettingRows(getDb(), SETTING_KEYS));
  const defaults = envDefaults();
  return { definitions: SETTING_DEFINITIONS, defaults, overrides, effective: applyOverrides(defaults, overrides) };
}

/** Applies a patch (null = back to the default) and audits the stored values before and after. */
export async function updateSettings(actor: AuditActor, patch: SettingsPatch, now = new Date()): Promise<{ changed: string[] }> {
  const changed = await getDb().$transaction(async (tx) => {
    const current = parseOverrides(await lockSettingRows(tx, SETTING_KEYS));
    const change = planSettingsChange(current, patch);
    if (isEmptyChange(change)) return [];
    const next: Overrides = { ...current, ...change.upserts };
    for (const name of change.deletes) delete next[name];
    const issues = checkSettings(applyOverrides(envDefaults(), next));
    if (issues.length > 0) throw new AppError('invalid_input', issues[0]?.message ?? 'Réglages incohérents.', { issues });
    await writeSettingRows(tx, {
      upserts: SETTING_DEFINITIONS.flatMap((d) => {
        const value = change.upserts[d.name];
        return value === undefined ? [] : [{ key: settingKey(d.name), value }];
      }),
      deletes: change.deletes.map(settingKey),
    });
    await appendAudit(tx, { actor, action: 'settings.updated', targetType: 'settings', targetId: 'runtime', before: change.before, after: change.after }, now);
    return Object.keys(change.after);
  });
  invalidateRuntimeSettings();
  return { changed };
}
