import 'server-only';
import type { Academy, Platform } from '@/lib/domain/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getDb } from './client';
import { PLATFORM_WITH_ACADEMIES, toPlatform } from './platform-row';
import type { PrismaClient } from './types';

type AcademyRow = Prisma.AcademyGetPayload<{ include: { region: true; departements: true } }>;

function toAcademy(row: AcademyRow): Academy {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    regionId: row.regionId,
    regionName: row.region.name,
    overseas: row.overseas,
    timeZone: row.timeZone,
    labelLon: row.labelLon,
    labelLat: row.labelLat,
    departements: row.departements.map((d) => d.code).sort(),
  };
}

export async function listAcademies(): Promise<Academy[]> {
  const rows = await getDb().academy.findMany({
    include: { region: true, departements: true },
    orderBy: { name: 'asc' },
  });
  return rows.map(toAcademy);
}

export async function listPlatforms(opts: { includeRetired?: boolean } = {}): Promise<Platform[]> {
  const rows = await getDb().platform.findMany({
    where: opts.includeRetired ? {} : { retiredAt: null },
    ...PLATFORM_WITH_ACADEMIES,
    orderBy: { name: 'asc' },
  });
  return rows.map(toPlatform);
}

export type BoundaryRow = { academyId: string; name: string; code: string; overseas: boolean; geometry: unknown; checksum: string };

export async function listBoundaries(): Promise<BoundaryRow[]> {
  const rows = await getDb().academyBoundary.findMany({ include: { academy: true }, orderBy: { academyId: 'asc' } });
  return rows.map((r) => ({
    academyId: r.academyId,
    name: r.academy.name,
    code: r.academy.code,
    overseas: r.academy.overseas,
    geometry: r.geometry,
    checksum: r.checksum,
  }));
}

/** Only the checksums (cheap): tells whether cached boundaries are still current. */
export async function listBoundaryChecksums(): Promise<string[]> {
  const rows = await getDb().academyBoundary.findMany({ select: { checksum: true }, orderBy: { academyId: 'asc' } });
  return rows.map((r) => r.checksum);
}

export type ServiceAreas = {
  platforms: Array<{ id: string; retiredAt: Date | null; academies: string[] }>;
  academyIds: string[];
};

/** Which platforms serve which académies (retired ones included), for checking reports and subscriptions. */
export async function listServiceAreas(db: PrismaClient = getDb()): Promise<ServiceAreas> {
  const [platforms, academies] = await Promise.all([
    db.platform.findMany({ select: { id: true, retiredAt: true, academies: { select: { academyId: true } } } }),
    db.academy.findMany({ select: { id: true } }),
  ]);
  return {
    platforms: platforms.map((p) => ({ id: p.id, retiredAt: p.retiredAt, academies: p.academies.map((a) => a.academyId) })),
    academyIds: academies.map((a) => a.id),
  };
}
