import { describe, expect, test } from 'vitest';
import { EMPTY_QUERY, parseHomeQuery, resolvePlatformParam, serializeHomeQuery } from '@/lib/map-view/url-state';

describe('parseHomeQuery', () => {
  test('reads the shared permalink', () => {
    const { query, invalid } = parseHomeQuery(new URLSearchParams('at=2021-04-06T09:02&plateforme=cned&categorie=login&academie=paris'));
    expect(query).toEqual({ at: '2021-04-06T09:02', platformId: 'cned', category: 'login', academyId: 'paris' });
    expect(invalid).toEqual([]);
  });

  test('treats empty fields and "all" as no filter (the no-JavaScript form sends them)', () => {
    const { query, invalid } = parseHomeQuery({ at: '', plateforme: 'toutes', categorie: '', academie: undefined });
    expect(query).toEqual(EMPTY_QUERY);
    expect(invalid).toEqual([]);
  });

  test('keeps the minute of a datetime-local value with seconds', () => {
    expect(parseHomeQuery({ at: '2021-04-06T09:02:30' }).query.at).toBe('2021-04-06T09:02');
  });

  test('takes the first of repeated parameters', () => {
    expect(parseHomeQuery({ plateforme: ['pronote', 'cned'] }).query.platformId).toBe('pronote');
  });

  test('drops and names unusable values instead of failing', () => {
    const { query, invalid } = parseHomeQuery({ at: '2021-13-40T09:02', plateforme: '<script>', categorie: 'weather', academie: 'paris' });
    expect(query).toEqual({ ...EMPTY_QUERY, academyId: 'paris' });
    expect(invalid).toEqual(['at', 'plateforme', 'categorie']);
  });
});

describe('serializeHomeQuery', () => {
  test('writes fields in a stable order with readable times', () => {
    expect(serializeHomeQuery({ at: '2021-04-06T09:02', platformId: 'cned', category: null, academyId: null })).toBe(
      '?at=2021-04-06T09:02&plateforme=cned',
    );
    expect(serializeHomeQuery({ at: null, platformId: null, category: 'login', academyId: 'aix-marseille' })).toBe(
      '?categorie=login&academie=aix-marseille',
    );
  });

  test('writes nothing for the live map with no filter', () => {
    expect(serializeHomeQuery(EMPTY_QUERY)).toBe('');
  });

  test('round-trips through parseHomeQuery', () => {
    const query = { at: '2021-10-31T02:30', platformId: 'pronote', category: 'slow' as const, academyId: 'la-reunion' };
    expect(parseHomeQuery(new URLSearchParams(serializeHomeQuery(query).slice(1))).query).toEqual(query);
  });
});

describe('resolvePlatformParam', () => {
  const ids = ['cned-ma-classe-a-la-maison', 'pronote', 'ent77', 'moncollege-essonne', 'moncollege-var'];
  test('accepts an id or the only id it prefixes', () => {
    expect(resolvePlatformParam('pronote', ids)).toBe('pronote');
    expect(resolvePlatformParam('cned', ids)).toBe('cned-ma-classe-a-la-maison');
  });
  test('refuses unknown or ambiguous values', () => {
    expect(resolvePlatformParam('moncollege', ids)).toBeNull();
    expect(resolvePlatformParam('ent', ids)).toBeNull();
    expect(resolvePlatformParam(null, ids)).toBeNull();
  });
});
