import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACADEMY_TIME_ZONES } from '../calendar/time-zones';
import zones from '../calendar/data/academy-zones.json';
import platformsData from '../catalog/data/platforms.json';
import { operatorGroupOf } from '@/lib/domain/operator-group';
import type { PrismaClient } from '../generated/prisma/client';
import academiesData from '../geo/data/academies.json';
import departementsData from '../geo/data/departements.json';

const BOUNDARY_SOURCE =
  "d'après IGN – ADMIN EXPRESS COG 2018 (via gregoiredavid/france-geojson), Licence Ouverte Etalab";
const REFERENCE_KEY = 'reference_data_checksum';

type Feature = { properties: { id: string }; geometry: object };
type FeatureCollection = { features: Feature[] };

// Read from the working directory (like prisma/migrations), so the compiled launcher in dist/ finds it too.
function readBoundaries(): FeatureCollection {
  return JSON.parse(readFileSync(path.resolve(process.cwd(), 'lib/geo/data/academies.geojson'), 'utf8')) as FeatureCollection;
}

function checksum(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Idempotent: académies, départements and boundaries follow the shipped reference data;
 * platforms are inserted when missing and never overwritten (admins own the catalogue).
 */
export async function seedReferenceData(db: PrismaClient): Promise<{ changed: boolean }> {
  const boundaries = readBoundaries();
  const sum = checksum([academiesData, departementsData, boundaries, platformsData, zones]);
  const current = await db.setting.findUnique({ where: { key: REFERENCE_KEY } });
  if (current && current.value === sum) return { changed: false };
  const zoneOf = zones.academies as Record<string, string>;

  await db.$transaction(async (tx) => {
    for (const r of academiesData.regions_academiques) {
      const data = { name: r.name, inseeCode: r.insee_region_code };
      await tx.regionAcademique.upsert({ where: { id: r.id }, create: { id: r.id, ...data }, update: data });
    }
    for (const a of academiesData.academies) {
      const data = {
        code: a.code,
        name: a.name,
        regionId: a.region.id,
        overseas: a.overseas,
        timeZone: ACADEMY_TIME_ZONES[a.id] ?? 'Europe/Paris',
        holidayZone: zoneOf[a.id] ?? 'C',
        labelLon: a.label_point.lon,
        labelLat: a.label_point.lat,
      };
      await tx.academy.upsert({ where: { id: a.id }, create: { id: a.id, ...data }, update: data });
    }
    for (const d of departementsData.departements) {
      const data = { name: d.name, academyId: d.academie };
      await tx.departement.upsert({ where: { code: d.code }, create: { code: d.code, ...data }, update: data });
    }
    for (const f of boundaries.features) {
      const data = { geometry: f.geometry, source: BOUNDARY_SOURCE, checksum: checksum(f.geometry) };
      await tx.academyBoundary.upsert({
        where: { academyId: f.properties.id },
        create: { academyId: f.properties.id, ...data },
        update: data,
      });
    }
    const existing = new Set((await tx.platform.findMany({ select: { id: true } })).map((p) => p.id));
    for (const p of platformsData.platforms) {
      if (existing.has(p.id)) continue;
      await tx.platform.create({
        data: {
          id: p.id,
          name: p.name,
          kind: p.kind,
          scope: p.scope,
          operator: p.operator,
          operatorGroup: operatorGroupOf(p.operator),
          levels: p.levels,
          domains: p.domains,
          aliases: [],
          verified: p.verified,
          notes: p.notes,
          retiredAt: p.status === 'retired' ? new Date() : null,
        },
      });
      await tx.platformAcademy.createMany({
        data: p.academies.map((academyId) => ({ platformId: p.id, academyId })),
        skipDuplicates: true,
      });
    }
    await tx.setting.upsert({
      where: { key: REFERENCE_KEY },
      create: { key: REFERENCE_KEY, value: sum },
      update: { value: sum },
    });
  }, { timeout: 120_000, maxWait: 30_000 });
  return { changed: true };
}
