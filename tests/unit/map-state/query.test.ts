import { describe, expect, test } from 'vitest';
import { formatParisLocal, parseParisLocal } from '@/lib/calendar/paris-time';
import { parseMapStateQuery } from '@/lib/map-state/query';

const now = new Date('2026-03-10T12:00:00Z');

describe('parseParisLocal', () => {
  test.each([
    ['2021-04-06T09:02', '2021-04-06T07:02:00.000Z'],
    ['2021-01-15T09:02', '2021-01-15T08:02:00.000Z'],
    ['2021-04-06T09:02:30', '2021-04-06T07:02:30.000Z'],
    ['2021-03-28T01:59', '2021-03-28T00:59:00.000Z'],
    ['2021-03-28T02:30', '2021-03-28T01:30:00.000Z'],
    ['2021-03-28T03:00', '2021-03-28T01:00:00.000Z'],
    ['2021-10-31T02:30', '2021-10-31T01:30:00.000Z'],
    ['2021-10-31T03:30', '2021-10-31T02:30:00.000Z'],
  ])('%s (Paris) is %s', (local, iso) => {
    expect(parseParisLocal(local)?.toISOString()).toBe(iso);
  });

  test.each(['2021-02-30T09:00', '2021-04-06T24:00', '2021-04-06T09:60', '2021-04-06 09:02', '2021-04-06T09:02Z', 'hier'])(
    'refuses %s',
    (text) => {
      expect(parseParisLocal(text)).toBeNull();
    },
  );

  test('formatParisLocal is its inverse at minute precision', () => {
    expect(formatParisLocal(new Date('2021-04-06T07:02:40Z'))).toBe('2021-04-06T09:02');
    expect(formatParisLocal(new Date('2021-12-24T23:30:00Z'))).toBe('2021-12-25T00:30');
  });
});

describe('parseMapStateQuery', () => {
  test('no parameters (or blank ones) = live, every platform, every category', () => {
    expect(parseMapStateQuery({}, now)).toEqual({ ok: true, value: { at: null, platformId: null, category: null } });
    expect(parseMapStateQuery({ at: '', plateforme: ' ', categorie: '' }, now)).toEqual({ ok: true, value: { at: null, platformId: null, category: null } });
  });

  test('reads a Paris wall-clock time, an ISO instant with offset, a platform and a category', () => {
    expect(parseMapStateQuery({ at: '2021-04-06T09:02', plateforme: 'CNED', categorie: 'login', utm_source: 'x' }, now)).toEqual({
      ok: true,
      value: { at: new Date('2021-04-06T07:02:00Z'), platformId: 'cned', category: 'login' },
    });
    expect(parseMapStateQuery({ at: '2021-04-06T09:02:00+02:00' }, now)).toMatchObject({ ok: true, value: { at: new Date('2021-04-06T07:02:00Z') } });
    expect(parseMapStateQuery({ at: '2021-04-06T07:02:00Z' }, now)).toMatchObject({ ok: true, value: { at: new Date('2021-04-06T07:02:00Z') } });
  });

  test('an instant less than a minute ahead (clock skew) is live', () => {
    expect(parseMapStateQuery({ at: '2026-03-10T12:00:30Z' }, now)).toMatchObject({ ok: true, value: { at: null } });
  });

  test.each([
    [{ at: 'hier' }, 'at', 'at_invalid'],
    [{ at: '2021-02-30T09:00' }, 'at', 'at_invalid'],
    [{ at: '2026-03-10T12:05:00Z' }, 'at', 'at_future'],
    [{ plateforme: 'pas une plateforme!' }, 'plateforme', 'platform_invalid'],
    [{ categorie: 'boom' }, 'categorie', 'category_invalid'],
  ])('%j → %s %s with a French message', (params, field, code) => {
    const result = parseMapStateQuery(params, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ field, code, message: expect.stringMatching(/[a-zé]/) }]);
  });
});
