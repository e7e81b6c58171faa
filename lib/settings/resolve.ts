import { SETTING_DEFINITIONS, type RuntimeSettings, type SettingName } from '@/lib/domain/settings';
import { settingValueSchemas, type SettingsPatch } from './schema';

/** Runtime settings live in the `setting` table under these keys, beside generated secrets they never expose. */
const KEY_PREFIX = 'runtime.';

export type Overrides = Partial<RuntimeSettings>;
export type StoredSetting = { key: string; value: unknown };

export function settingKey(name: SettingName): string {
  return `${KEY_PREFIX}${name}`;
}

export const SETTING_KEYS: readonly string[] = SETTING_DEFINITIONS.map((d) => settingKey(d.name));

/** Defaults: the environment variable when set, else the built-in constant. */
export function defaultSettings(fromEnv: Partial<Record<SettingName, number | string | undefined>>): RuntimeSettings {
  const values: Record<string, number | string> = {};
  for (const d of SETTING_DEFINITIONS) values[d.name] = fromEnv[d.name] ?? d.builtin;
  return parseComplete(values);
}

function parseComplete(values: Record<string, unknown>): RuntimeSettings {
  return {
    reportLimitPerMinute: settingValueSchemas.reportLimitPerMinute.parse(values.reportLimitPerMinute),
    powSurgeFloorPerMinute: settingValueSchemas.powSurgeFloorPerMinute.parse(values.powSurgeFloorPerMinute),
    readLimitPerMinute: settingValueSchemas.readLimitPerMinute.parse(values.readLimitPerMinute),
    readLimitApiKeyPerMinute: settingValueSchemas.readLimitApiKeyPerMinute.parse(values.readLimitApiKeyPerMinute),
    announcement: settingValueSchemas.announcement.parse(values.announcement),
    webhookAllowedHosts: settingValueSchemas.webhookAllowedHosts.parse(values.webhookAllowedHosts),
  };
}

/** Stored admin values; a row that no longer validates (bounds changed) is ignored, so the default applies. */
export function parseOverrides(rows: readonly StoredSetting[]): Overrides {
  const out: Overrides = {};
  for (const d of SETTING_DEFINITIONS) {
    const row = rows.find((r) => r.key === settingKey(d.name));
    if (!row) continue;
    const parsed = settingValueSchemas[d.name].safeParse(row.value);
    if (parsed.success) Object.assign(out, { [d.name]: parsed.data });
  }
  return out;
}

export function applyOverrides(defaults: RuntimeSettings, overrides: Overrides): RuntimeSettings {
  return { ...defaults, ...overrides };
}

export type SettingsChange = {
  upserts: Overrides;
  deletes: SettingName[];
  /** Stored values before and after, changed settings only; null = the default. */
  before: Record<string, number | string | null>;
  after: Record<string, number | string | null>;
};

/** What a patch changes in the stored values: `null` (or an empty text) removes the admin value. */
export function planSettingsChange(current: Overrides, patch: SettingsPatch): SettingsChange {
  const change: SettingsChange = { upserts: {}, deletes: [], before: {}, after: {} };
  for (const d of SETTING_DEFINITIONS) {
    const requested = patch[d.name];
    if (requested === undefined) continue;
    const next = requested === '' ? null : requested;
    const previous = current[d.name] ?? null;
    if (next === previous) continue;
    if (next === null) change.deletes.push(d.name);
    else Object.assign(change.upserts, { [d.name]: next });
    change.before[d.name] = previous;
    change.after[d.name] = next;
  }
  return change;
}

export function isEmptyChange(change: SettingsChange): boolean {
  return Object.keys(change.after).length === 0;
}
