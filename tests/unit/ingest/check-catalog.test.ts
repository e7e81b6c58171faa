import { describe, test, expect } from 'vitest';
import { buildCatalog, checkCatalog } from '@/lib/ingest/check-catalog';
import platformsData from '@/lib/catalog/data/platforms.json';
import academiesData from '@/lib/geo/data/academies.json';

const now = new Date('2021-04-06T07:02:00Z');
const catalog = buildCatalog({
  platforms: [
    { id: 'pronote', academies: ['creteil', 'paris'] },
    { id: 'ent77', academies: ['creteil'] },
    { id: 'vieil-ent', academies: ['creteil'], retiredAt: new Date('2020-09-01T00:00:00Z') },
    { id: 'futur-retrait', academies: ['creteil'], retiredAt: new Date('2030-01-01T00:00:00Z') },
  ],
  academyIds: ['creteil', 'paris', 'lyon'],
  now,
});

describe('checkCatalog', () => {
  test.each([
    ['a served platform', 'pronote', 'paris', []],
    ['a platform retiring later', 'futur-retrait', 'creteil', []],
    ['an unknown platform', 'myspace', 'paris', ['platform_unknown']],
    ['an unknown académie', 'pronote', 'atlantide', ['academy_unknown']],
    ['both unknown', 'myspace', 'atlantide', ['platform_unknown', 'academy_unknown']],
    ['a platform outside its académies', 'ent77', 'lyon', ['platform_not_in_academy']],
    ['a retired platform', 'vieil-ent', 'creteil', ['platform_retired']],
  ])('accepts or rejects %s', (_name, platform, academy, codes) => {
    expect(checkCatalog({ platform, academy }, catalog).map((i) => i.code)).toEqual(codes);
  });

  test('uses French messages and schema field names', () => {
    expect(checkCatalog({ platform: 'ent77', academy: 'lyon' }, catalog)).toEqual([
      {
        field: 'platform',
        code: 'platform_not_in_academy',
        message: 'Ce service n’est pas utilisé dans cette académie.',
      },
    ]);
  });

  test('works on the shipped catalogue', () => {
    const shipped = buildCatalog({
      platforms: platformsData.platforms,
      academyIds: academiesData.academies.map((a) => a.id),
      now,
    });
    expect(checkCatalog({ platform: 'pronote', academy: 'mayotte' }, shipped)).toEqual([]);
    expect(checkCatalog({ platform: 'ent77', academy: 'creteil' }, shipped)).toEqual([]);
    expect(
      checkCatalog({ platform: 'ent77', academy: 'nice' }, shipped).map((i) => i.code),
    ).toEqual(['platform_not_in_academy']);
  });
});
