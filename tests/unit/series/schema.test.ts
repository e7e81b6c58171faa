import { describe, expect, test } from 'vitest';
import { parseInstant, parseSeriesQuery, parseWindowParams } from '@/lib/series/schema';

const NOW = Date.parse('2021-04-06T10:00:30Z');

describe('parseInstant', () => {
  test('Paris wall-clock minutes and ISO instants with an offset', () => {
    expect(parseInstant('2021-04-06T09:02')).toBe(Date.parse('2021-04-06T07:02:00Z'));
    expect(parseInstant('2021-01-06T09:02')).toBe(Date.parse('2021-01-06T08:02:00Z'));
    expect(parseInstant('2021-04-06T09:02:00+02:00')).toBe(Date.parse('2021-04-06T07:02:00Z'));
    expect(parseInstant('2021-04-06T07:02:00Z')).toBe(Date.parse('2021-04-06T07:02:00Z'));
  });

  test.each(['2021-02-30T09:00', '2021-04-06T24:00', '2021-04-06 09:02', 'hier', '2021-04-06T09:02:00'])('rejects %s', (value) => {
    expect(parseInstant(value)).toBeNull();
  });
});

describe('parseSeriesQuery', () => {
  test('a platform and the default 24 hours', () => {
    const r = parseSeriesQuery({ plateforme: 'PRONOTE ' }, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.platformId).toBe('pronote');
    expect(r.value.academyId).toBeNull();
    expect(r.value.window.bucketMinutes).toBe(5);
    expect(r.value.window.to).toBeGreaterThan(NOW);
  });

  test('de/a in Paris time choose the bucket from the range', () => {
    const r = parseSeriesQuery({ academie: 'creteil', de: '2021-04-06T08:00', a: '2021-04-06T12:00' }, NOW);
    expect(r).toEqual({
      ok: true,
      value: {
        platformId: null,
        academyId: 'creteil',
        window: { from: Date.parse('2021-04-06T06:00:00Z'), to: Date.parse('2021-04-06T10:00:00Z'), bucketMinutes: 1 },
      },
    });
  });

  test('a Paris calendar day', () => {
    const r = parseSeriesQuery({ plateforme: 'cned', date: '2021-04-06' }, NOW);
    expect(r.ok && r.value.window).toEqual({ from: Date.parse('2021-04-05T22:00:00Z'), to: Date.parse('2021-04-06T22:00:00Z'), bucketMinutes: 5 });
  });

  test.each([
    [{}, 'scope_missing', 'plateforme'],
    [{ plateforme: 'pro note' }, 'platform_invalid', 'plateforme'],
    [{ plateforme: 'pronote', fenetre: '2h' }, 'window_invalid', 'fenetre'],
    [{ plateforme: 'pronote', de: 'hier' }, 'from_invalid', 'de'],
    [{ plateforme: 'pronote', a: '2021-04-06T25:00' }, 'to_invalid', 'a'],
    [{ plateforme: 'pronote', de: '2021-04-06T10:00', a: '2021-04-06T09:00' }, 'window_order', 'a'],
    [{ plateforme: 'pronote', de: '2021-01-01T00:00', a: '2021-03-01T00:00' }, 'window_too_long', 'de'],
    [{ plateforme: 'pronote', date: '2021-13-01' }, 'date_invalid', 'date'],
    [{ plateforme: 'pronote', date: '1999-12-31' }, 'window_out_of_range', 'de'],
    [{ plateforme: 'pronote', date: '2021-04-09' }, 'window_out_of_range', 'de'],
  ])('%j is refused with %s on %s', (params, code, field) => {
    const r = parseSeriesQuery(params as Record<string, string>, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code, field });
    expect(r.issues[0]?.message).toMatch(/[a-zé]/);
  });
});

describe('parseWindowParams', () => {
  test('returns null on invalid parameters (pages fall back to their default)', () => {
    expect(parseWindowParams({ fenetre: 'toujours' }, NOW)).toBeNull();
    expect(parseWindowParams({ fenetre: '3h' }, NOW)?.bucketMinutes).toBe(1);
  });
});
