import { describe, expect, test } from 'vitest';
import { REQUEST_LIMIT } from '@/lib/domain/limits';
import { READ_LIMIT_PER_MINUTE } from '@/lib/domain/settings';
import { applyOverrides, defaultSettings, isEmptyChange, parseOverrides, planSettingsChange, settingKey } from '@/lib/settings/resolve';
import { checkSettings, settingsFormSchema, settingsPatchSchema } from '@/lib/settings/schema';

describe('defaultSettings', () => {
  test('takes the environment variable when set, else the built-in constant', () => {
    const defaults = defaultSettings({ readLimitPerMinute: 50 });
    expect(defaults.readLimitPerMinute).toBe(50);
    expect(defaults.reportLimitPerMinute).toBe(REQUEST_LIMIT);
    expect(defaults.announcement).toBe('');
  });
});

describe('parseOverrides', () => {
  test('keeps valid stored values of known keys only', () => {
    const overrides = parseOverrides([
      { key: settingKey('reportLimitPerMinute'), value: 12 },
      { key: settingKey('readLimitPerMinute'), value: -4 },
      { key: settingKey('announcement'), value: 'Maintenance ce soir' },
      { key: 'source_secret', value: 'never read as a setting' },
    ]);
    expect(overrides).toEqual({ reportLimitPerMinute: 12, announcement: 'Maintenance ce soir' });
    const applied = applyOverrides(defaultSettings({}), overrides);
    expect(applied.reportLimitPerMinute).toBe(12);
    expect(applied.readLimitPerMinute).toBe(READ_LIMIT_PER_MINUTE);
  });
});

describe('planSettingsChange', () => {
  test('upserts new values, deletes on null or empty text, ignores unchanged ones', () => {
    const change = planSettingsChange(
      { reportLimitPerMinute: 12, announcement: 'Maintenance', readLimitPerMinute: 100 },
      { reportLimitPerMinute: 20, announcement: '', readLimitPerMinute: 100, powSurgeFloorPerMinute: null },
    );
    expect(change.upserts).toEqual({ reportLimitPerMinute: 20 });
    expect(change.deletes).toEqual(['announcement']);
    expect(change.before).toEqual({ reportLimitPerMinute: 12, announcement: 'Maintenance' });
    expect(change.after).toEqual({ reportLimitPerMinute: 20, announcement: null });
    expect(isEmptyChange(planSettingsChange({ readLimitPerMinute: 100 }, { readLimitPerMinute: 100 }))).toBe(true);
  });
});

describe('settingsFormSchema', () => {
  const complete = { reportLimitPerMinute: '', powSurgeFloorPerMinute: '120', readLimitPerMinute: '1 000', readLimitApiKeyPerMinute: '10\u202f000', announcement: '  Panne ENT en cours  ', webhookAllowedHosts: ' hooks.intranet.example.org ' };

  test('empty means default; French digit grouping is accepted; text is trimmed', () => {
    expect(settingsFormSchema.parse(complete)).toEqual({
      reportLimitPerMinute: null,
      powSurgeFloorPerMinute: 120,
      readLimitPerMinute: 1000,
      readLimitApiKeyPerMinute: 10000,
      announcement: 'Panne ENT en cours',
      webhookAllowedHosts: 'hooks.intranet.example.org',
    });
  });

  test('refuses a missing field, a fraction, an out-of-range value, with the setting named', () => {
    const { announcement: _omit, ...withoutText } = complete;
    expect(settingsFormSchema.safeParse(withoutText).success).toBe(false);
    const fraction = settingsFormSchema.safeParse({ ...complete, reportLimitPerMinute: '2.5' });
    expect(fraction.error?.issues[0]?.message).toMatch(/^Signalements par minute et par source\u00a0: un nombre entier entre 1 et 10\u202f000\.$/);
    expect(settingsFormSchema.safeParse({ ...complete, readLimitPerMinute: '0' }).success).toBe(false);
    expect(settingsFormSchema.safeParse({ ...complete, readLimitPerMinute: 'beaucoup' }).success).toBe(false);
    expect(settingsFormSchema.safeParse({ ...complete, announcement: 'x'.repeat(281) }).success).toBe(false);
  });
});

describe('settingsPatchSchema', () => {
  test('accepts a partial patch with nulls and refuses unknown keys', () => {
    expect(settingsPatchSchema.parse({ readLimitPerMinute: 10, announcement: null })).toEqual({ readLimitPerMinute: 10, announcement: null });
    expect(settingsPatchSchema.safeParse({ sourceSecret: 'x' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ readLimitPerMinute: '10' }).success).toBe(false);
  });
});

describe('checkSettings', () => {
  test('the key limit may not be below the anonymous one', () => {
    const values = defaultSettings({});
    expect(checkSettings(values)).toEqual([]);
    expect(checkSettings({ ...values, readLimitPerMinute: 500, readLimitApiKeyPerMinute: 400 })[0]).toMatchObject({
      field: 'readLimitApiKeyPerMinute',
      code: 'below_anonymous_limit',
    });
  });
});
