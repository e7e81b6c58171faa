import { describe, test, expect } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { listAcademies } from '@/lib/geo/academies';
import {
  lookupPostalCode,
  normalizeSearchText,
  parsePostalIndex,
  searchCommunes,
} from '@/lib/geo/postal-code';

const indexUrl = new URL('../../../lib/geo/data/postal-index.json', import.meta.url);
const index = parsePostalIndex(JSON.parse(readFileSync(indexUrl, 'utf8')));

describe('postal-index.json', () => {
  test('stays under 1.5 MB', () => {
    expect(statSync(indexUrl).size).toBeLessThan(1.5 * 1024 * 1024);
  });

  test('covers every département of every académie', () => {
    const covered = new Set(Object.values(index.postal).flat());
    for (const academy of listAcademies()) {
      for (const code of academy.departements) expect(covered, code).toContain(code);
    }
  });

  test('is rejected by the parser when malformed', () => {
    expect(() => parsePostalIndex({ v: 2 })).toThrow();
    expect(() => parsePostalIndex({ ...index, communes: [['Paris', '75']] })).toThrow();
  });
});

describe('lookupPostalCode', () => {
  test.each([
    ['75001', [{ departement: '75', academy: 'paris' }]],
    ['75116', [{ departement: '75', academy: 'paris' }]],
    ['13001', [{ departement: '13', academy: 'aix-marseille' }]],
    ['69003', [{ departement: '69', academy: 'lyon' }]],
    ['20000', [{ departement: '2A', academy: 'corse' }]],
    ['20200', [{ departement: '2B', academy: 'corse' }]],
    ['97100', [{ departement: '971', academy: 'guadeloupe' }]],
    ['97200', [{ departement: '972', academy: 'martinique' }]],
    ['97300', [{ departement: '973', academy: 'guyane' }]],
    ['97400', [{ departement: '974', academy: 'la-reunion' }]],
    ['97600', [{ departement: '976', academy: 'mayotte' }]],
    ['97133', [{ departement: '977', academy: 'guadeloupe' }]],
    ['97500', [{ departement: '975', academy: 'normandie' }]],
    [' 93 000 ', [{ departement: '93', academy: 'creteil' }]],
    [
      '13780',
      [
        { departement: '13', academy: 'aix-marseille' },
        { departement: '83', academy: 'nice' },
      ],
    ],
    [
      '05110',
      [
        { departement: '04', academy: 'aix-marseille' },
        { departement: '05', academy: 'aix-marseille' },
      ],
    ],
  ])('%s → %j', (code, places) => {
    expect(lookupPostalCode(index, code)).toEqual(places);
  });

  test.each(['98800', '00000', '7500', 'abcde', ''])('returns [] for %j', (code) => {
    expect(lookupPostalCode(index, code)).toEqual([]);
  });

  test('finds postal codes that span two académies', () => {
    const spanning = Object.keys(index.postal).filter(
      (code) => new Set(lookupPostalCode(index, code).map((p) => p.academy)).size > 1,
    );
    expect(spanning.length).toBeGreaterThan(0);
    expect(spanning).toContain('13780');
  });
});

describe('normalizeSearchText', () => {
  test.each([
    ['Orléans', 'orleans'],
    ['  SAINT-ÉTIENNE ', 'saint etienne'],
    ['St-Étienne', 'saint etienne'],
    ['Ste Maxime', 'sainte maxime'],
    ['L’Haÿ-les-Roses', 'l hay les roses'],
    ['Œuilly', 'oeuilly'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });
});

describe('searchCommunes', () => {
  function first(query: string) {
    return searchCommunes(index, query, 5)[0];
  }

  test.each([
    ['Orleans', 'Orléans', 'orleans-tours', '45000'],
    ['orléans', 'Orléans', 'orleans-tours', '45000'],
    ['st etienne', 'Saint-Étienne', 'lyon', '42000'],
    ['paris', 'Paris', 'paris', '75001'],
    ['Marseille 1', 'Marseille 1er Arrondissement', 'aix-marseille', '13001'],
    ['ajaccio', 'Ajaccio', 'corse', '20000'],
    ['mamoudzou', 'Mamoudzou', 'mayotte', '97600'],
    ['Cherbourg-Octeville', 'Cherbourg-Octeville', 'normandie', '50100'],
  ])('%s → %s (%s)', (query, name, academy, postalCode) => {
    expect(first(query)).toMatchObject({ name, academy, postalCode });
  });

  test('finds homonyms in every département, ligatures included', () => {
    const matches = searchCommunes(index, 'oeuilly', 5).map((m) => `${m.name} ${m.academy}`);
    expect(matches.sort()).toEqual(['Œuilly amiens', 'Œuilly reims']);
  });

  test('prefers a prefix that ends on a word or number boundary', () => {
    expect(searchCommunes(index, 'paris', 3).map((m) => m.name)).toEqual([
      'Paris',
      'Paris 15e Arrondissement',
      'Paris 20e Arrondissement',
    ]);
  });

  test('ranks exact, then prefix, then word matches, largest first', () => {
    const names = searchCommunes(index, 'lyon', 20).map((m) => m.name);
    expect(names[0]).toBe('Lyon');
    expect(names.indexOf('Lyon 3e Arrondissement')).toBeLessThan(
      names.indexOf('Sainte-Foy-lès-Lyon'),
    );
  });

  test('finds Saint-Denis in both Seine-Saint-Denis and La Réunion', () => {
    const academies = searchCommunes(index, 'saint-denis', 10)
      .filter((m) => m.name === 'Saint-Denis')
      .map((m) => m.academy);
    expect(academies).toEqual(expect.arrayContaining(['creteil', 'la-reunion']));
  });

  test('matches postal code prefixes for numeric queries', () => {
    const matches = searchCommunes(index, '974', 50);
    expect(matches.length).toBeGreaterThan(10);
    expect(matches.every((m) => m.academy === 'la-reunion')).toBe(true);
  });

  test('respects the limit and ignores too short queries', () => {
    expect(searchCommunes(index, 'sa', 7)).toHaveLength(7);
    expect(searchCommunes(index, 'a', 7)).toEqual([]);
    expect(searchCommunes(index, 'zzzz', 7)).toEqual([]);
    expect(searchCommunes(index, 'paris', 0)).toEqual([]);
  });
});

describe('buildPostalIndex', () => {
  test('regenerates exactly the committed postal-index.json', async () => {
    const { buildPostalIndex, serializePostalIndex } = await import('@/lib/geo/build-postal-index');
    expect(serializePostalIndex(buildPostalIndex())).toBe(readFileSync(indexUrl, 'utf8'));
  });
});
