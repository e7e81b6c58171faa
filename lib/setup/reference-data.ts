import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACADEMY_TIME_ZONES } from '@/lib/calendar/time-zones';
import zones from '@/lib/calendar/data/academy-zones.json';
import platformsData from '@/lib/catalog/data/platforms.json';
import { writeReferenceData } from '@/lib/db/seed';
import type { PrismaClient } from '@/lib/db/types';
import type { ReferenceData } from '@/lib/domain/reference-data';
import { operatorGroupOf } from '@/lib/domain/operator-group';
import academiesData from '@/lib/geo/data/academies.json';
import departementsData from '@/lib/geo/data/departements.json';

const BOUNDARY_SOURCE =
  "d'après IGN – ADMIN EXPRESS COG 2018 (via gregoiredavid/france-geojson), Licence Ouverte Etalab";

type FeatureCollection = { features: Array<{ properties: { id: string }; geometry: object }> };

// Read from the working directory (like prisma/migrations), so the compiled launcher in dist/ finds it too.
function readBoundaries(): FeatureCollection {
  return JSON.parse(readFileSync(path.resolve(process.cwd(), 'lib/geo/data/academies.geojson'), 'utf8')) as FeatureCollection;
}

function checksum(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The shipped catalogue, calendar zones and geography files as rows. */
export function loadReferenceData(): ReferenceData {
  const boundaries = readBoundaries();
  const zoneOf = zones.academies as Record<string, string>;
  return {
    checksum: checksum([academiesData, departementsData, boundaries, platformsData, zones]),
    regions: academiesData.regions_academiques.map((r) => ({ id: r.id, name: r.name, inseeCode: r.insee_region_code })),
    academies: academiesData.academies.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      regionId: a.region.id,
      overseas: a.overseas,
      timeZone: ACADEMY_TIME_ZONES[a.id] ?? 'Europe/Paris',
      holidayZone: zoneOf[a.id] ?? 'C',
      labelLon: a.label_point.lon,
      labelLat: a.label_point.lat,
    })),
    departements: departementsData.departements.map((d) => ({ code: d.code, name: d.name, academyId: d.academie })),
    boundaries: boundaries.features.map((f) => ({
      academyId: f.properties.id,
      geometry: f.geometry,
      source: BOUNDARY_SOURCE,
      checksum: checksum(f.geometry),
    })),
    platforms: platformsData.platforms.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      scope: p.scope,
      operator: p.operator,
      operatorGroup: operatorGroupOf(p.operator),
      levels: p.levels,
      domains: p.domains,
      verified: p.verified,
      notes: p.notes ?? null,
      retired: p.status === 'retired',
      academies: p.academies,
    })),
  };
}

/** Writes the shipped reference data unless the database already holds this version of it. */
export function seedReferenceData(db: PrismaClient): Promise<{ changed: boolean }> {
  return writeReferenceData(db, loadReferenceData());
}
