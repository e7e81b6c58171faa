import { afterAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { seedReferenceData } from '@/lib/setup/reference-data';
import academiesData from '@/lib/geo/data/academies.json';
import departementsData from '@/lib/geo/data/departements.json';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
afterAll(() => db.$disconnect());

// Other suites add their own rows; count only the reference ones.
const academyIds = { id: { in: academiesData.academies.map((a) => a.id) } };
const regionIds = { id: { in: academiesData.regions_academiques.map((r) => r.id) } };
const departementCodes = { code: { in: departementsData.departements.map((d) => d.code) } };

describe('seedReferenceData', () => {
  test('loads the 30 académies, 18 régions, 101 départements, 30 boundaries and 41 platforms', async () => {
    expect(await db.academy.count({ where: academyIds })).toBe(30);
    expect(await db.regionAcademique.count({ where: regionIds })).toBe(18);
    expect(await db.departement.count({ where: departementCodes })).toBe(101);
    expect(await db.academyBoundary.count({ where: { academyId: academyIds.id } })).toBe(30);
    expect(await db.platform.count({ where: { id: { in: ['pronote', 'cned-ma-classe-a-la-maison', 'monlycee-net'] } } })).toBe(3);
    const overseas = await db.academy.findMany({ where: { ...academyIds, overseas: true }, orderBy: { id: 'asc' } });
    expect(overseas.map((a) => `${a.id}:${a.timeZone}`)).toEqual([
      'guadeloupe:America/Guadeloupe',
      'guyane:America/Cayenne',
      'la-reunion:Indian/Reunion',
      'martinique:America/Martinique',
      'mayotte:Indian/Mayotte',
    ]);
  });

  test('is idempotent and keeps admin edits to the platform catalogue', async () => {
    await db.platform.update({ where: { id: 'lumni' }, data: { aliases: ['lumni.fr'] } });
    await db.setting.delete({ where: { key: 'reference_data_checksum' } });
    const result = await seedReferenceData(db);
    expect(result.changed).toBe(true);
    expect((await db.platform.findUniqueOrThrow({ where: { id: 'lumni' } })).aliases).toEqual(['lumni.fr']);
    expect(await db.academy.count({ where: academyIds })).toBe(30);
    expect((await seedReferenceData(db)).changed).toBe(false);
    await db.platform.update({ where: { id: 'lumni' }, data: { aliases: [] } });
  });

  test('links national platforms to all 30 académies and regional ones to theirs', async () => {
    expect(await db.platformAcademy.count({ where: { platformId: 'pronote' } })).toBe(30);
    const idf = await db.platformAcademy.findMany({ where: { platformId: 'monlycee-net' }, orderBy: { academyId: 'asc' } });
    expect(idf.map((r) => r.academyId)).toEqual(['creteil', 'paris', 'versailles']);
  });
});
