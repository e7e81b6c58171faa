import { z } from 'zod';
import { formatCount } from '@/lib/domain/format';
import type { ErrorIssue } from '@/lib/http/errors';
import {
  settingDefinition,
  type IntegerSettingDefinition,
  type RuntimeSettings,
  type SettingName,
  type TextSettingDefinition,
} from '@/lib/domain/settings';

function integerValue(name: SettingName) {
  const d = settingDefinition(name) as IntegerSettingDefinition;
  const range = `${d.label}\u00a0: un nombre entier entre ${formatCount(d.min)} et ${formatCount(d.max)}.`;
  return z.number({ message: range }).int(range).min(d.min, range).max(d.max, range);
}

function textValue(name: SettingName) {
  const d = settingDefinition(name) as TextSettingDefinition;
  return z.string().trim().max(d.maxLength, `${d.label}\u00a0: ${formatCount(d.maxLength)} caractères au plus.`);
}

/** A stored or submitted value of each setting. */
export const settingValueSchemas = {
  reportLimitPerMinute: integerValue('reportLimitPerMinute'),
  powSurgeFloorPerMinute: integerValue('powSurgeFloorPerMinute'),
  readLimitPerMinute: integerValue('readLimitPerMinute'),
  readLimitApiKeyPerMinute: integerValue('readLimitApiKeyPerMinute'),
  announcement: textValue('announcement'),
  webhookAllowedHosts: textValue('webhookAllowedHosts'),
} as const satisfies Record<SettingName, z.ZodType>;

/** JSON API: only the settings to change; `null` goes back to the default. */
export const settingsPatchSchema = z
  .object({
    reportLimitPerMinute: settingValueSchemas.reportLimitPerMinute.nullable().optional(),
    powSurgeFloorPerMinute: settingValueSchemas.powSurgeFloorPerMinute.nullable().optional(),
    readLimitPerMinute: settingValueSchemas.readLimitPerMinute.nullable().optional(),
    readLimitApiKeyPerMinute: settingValueSchemas.readLimitApiKeyPerMinute.nullable().optional(),
    announcement: settingValueSchemas.announcement.nullable().optional(),
    webhookAllowedHosts: settingValueSchemas.webhookAllowedHosts.nullable().optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const missing = { message: 'Champ manquant.' };

/** A form field that must be present; empty means "the default", spaces between digits are allowed. */
function formInteger(name: SettingName) {
  return z
    .string(missing)
    .max(40)
    .transform((v) => v.replace(/[\s\u00a0\u202f]/g, ''))
    .transform((v) => (v === '' ? null : Number(v)))
    .pipe(integerValue(name).nullable());
}

/** Admin form: every field is sent; an empty field means the default. */
export const settingsFormSchema = z.object({
  reportLimitPerMinute: formInteger('reportLimitPerMinute'),
  powSurgeFloorPerMinute: formInteger('powSurgeFloorPerMinute'),
  readLimitPerMinute: formInteger('readLimitPerMinute'),
  readLimitApiKeyPerMinute: formInteger('readLimitApiKeyPerMinute'),
  announcement: z
    .string(missing)
    .max(4_000)
    .transform((v) => v.trim())
    .pipe(settingValueSchemas.announcement),
  webhookAllowedHosts: z
    .string(missing)
    .max(4_000)
    .transform((v) => v.trim())
    .pipe(settingValueSchemas.webhookAllowedHosts),
});

/** Rules across settings, checked on the values that would apply. */
export function checkSettings(values: RuntimeSettings): ErrorIssue[] {
  if (values.readLimitApiKeyPerMinute < values.readLimitPerMinute) {
    return [
      {
        field: 'readLimitApiKeyPerMinute',
        code: 'below_anonymous_limit',
        message: `La limite avec une clé doit être au moins celle sans clé (${formatCount(values.readLimitPerMinute)}).`,
      },
    ];
  }
  return [];
}
