import { describe, expect, test } from 'vitest';
import { createRandomToken, DEVICE_TOKEN_KEY, isValidToken, readDeviceToken } from '@/lib/report-client/identity';
import { listPlatformChoices, listVisiblePlatforms, matchesPlatformQuery, sortAcademies, type PlatformOption } from '@/lib/report-client/platform-choices';
import { academyArgs, academyLabel } from '@/lib/report-client/report-text';

function platform(id: string, name: string, scope: PlatformOption['scope'], academies: string[], domains: string[] = []): PlatformOption {
  return { id, name, kind: 'ENT', scope, academies, domains, aliases: [] };
}

const platforms = [
  platform('oze-yvelines', 'OZE Yvelines', 'departemental', ['versailles'], ['ozecollege.yvelines.fr']),
  platform('monlycee-net', 'Monlycée.net', 'regional', ['creteil', 'paris', 'versailles'], ['monlycee.net']),
  platform('toutatice', 'Toutatice', 'regional', ['rennes']),
  platform('pronote', 'PRONOTE', 'national', ['rennes', 'versailles'], ['index-education.net']),
  platform('ecoledirecte', 'École Directe', 'national', ['rennes', 'versailles']),
];

describe('listPlatformChoices', () => {
  test('keeps the platforms of the académie, national ones first, then by name', () => {
    expect(listPlatformChoices(platforms, { academy: 'versailles' }).map((p) => p.id)).toEqual([
      'ecoledirecte',
      'pronote',
      'monlycee-net',
      'oze-yvelines',
    ]);
    expect(listPlatformChoices(platforms, {})).toHaveLength(5);
  });

  test.each([
    ['pronote', ['pronote']],
    ['index-education', ['pronote']],
    ['ecole dir', ['ecoledirecte']],
    ['MONLYCEE', ['monlycee-net']],
    ['yvelines', ['oze-yvelines']],
    ['zzz', []],
  ])('search %j matches name, id or domain', (query, expected) => {
    expect(listPlatformChoices(platforms, { academy: 'versailles', query }).map((p) => p.id)).toEqual(expected);
  });

  test('an empty query matches everything', () => {
    expect(platforms.every((p) => matchesPlatformQuery(p, '  '))).toBe(true);
  });
});

describe('French text', () => {
  test.each([
    [{ id: 'versailles', name: 'Versailles' }, 'l’académie de Versailles'],
    [{ id: 'aix-marseille', name: 'Aix-Marseille' }, 'l’académie d’Aix-Marseille'],
    [{ id: 'orleans-tours', name: 'Orléans-Tours' }, 'l’académie d’Orléans-Tours'],
    [{ id: 'guadeloupe', name: 'Guadeloupe' }, 'l’académie de la Guadeloupe'],
    [{ id: 'la-reunion', name: 'La Réunion' }, 'l’académie de La Réunion'],
  ])('academyLabel(%j)', (academy, expected) => {
    expect(academyLabel(academy)).toBe(expected);
  });

  test('academyArgs gives French the elided forms and English the bare name', () => {
    expect(academyArgs({ id: 'aix-marseille', name: 'Aix-Marseille' })).toEqual({
      academy: 'l’académie d’Aix-Marseille',
      complement: 'd’Aix-Marseille',
      name: 'Aix-Marseille',
    });
  });

  test('académies sort in French order', () => {
    const sorted = sortAcademies([{ id: 'creteil', name: 'Créteil' }, { id: 'corse', name: 'Corse' }, { id: 'amiens', name: 'Amiens' }]);
    expect(sorted.map((a) => a.id)).toEqual(['amiens', 'corse', 'creteil']);
  });
});

describe('tokens', () => {
  test('uses randomUUID when available, 128 random bits otherwise; both pass the server pattern', () => {
    expect(isValidToken(createRandomToken())).toBe(true);
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) };
    const token = createRandomToken(insecure);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(isValidToken(token)).toBe(true);
  });

  test('the device token is created once and kept', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const first = readDeviceToken(storage);
    expect(first).toBeDefined();
    expect(readDeviceToken(storage)).toBe(first);
    expect([...data.keys()]).toEqual([DEVICE_TOKEN_KEY]);
    data.set(DEVICE_TOKEN_KEY, 'bad token!');
    expect(readDeviceToken(storage, () => 'replacement-token-0001')).toBe('replacement-token-0001');
  });

  test('no storage, no device token', () => {
    expect(readDeviceToken(null)).toBeUndefined();
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => {} };
    expect(readDeviceToken(throwing)).toBeUndefined();
  });
});

describe('listVisiblePlatforms', () => {
  const base = { platforms, academy: '', query: '', selected: '', isInteractive: true };

  test('without JavaScript, every platform', () => {
    expect(listVisiblePlatforms({ ...base, academy: 'rennes', isInteractive: false })).toHaveLength(5);
  });

  test('national ones only until an académie is chosen or a search is typed', () => {
    expect(listVisiblePlatforms(base).map((p) => p.id)).toEqual(['ecoledirecte', 'pronote']);
    expect(listVisiblePlatforms({ ...base, query: 'touta' }).map((p) => p.id)).toEqual(['toutatice']);
    expect(listVisiblePlatforms({ ...base, academy: 'rennes' }).map((p) => p.id)).toEqual(['ecoledirecte', 'pronote', 'toutatice']);
  });

  test('keeps the selected platform visible while searching', () => {
    expect(listVisiblePlatforms({ ...base, academy: 'versailles', query: 'oze', selected: 'pronote' }).map((p) => p.id)).toEqual([
      'pronote',
      'oze-yvelines',
    ]);
  });
});
