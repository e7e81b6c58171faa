import { platformInfo, type AcademyInfo, type CommonCauseInfo, type IncidentDetail, type IncidentListItem, type PlatformInfo, type PublicComment } from '@/lib/domain/dashboard';
import type { IncidentLevel, IncidentState, ProblemCategory } from '@/lib/domain/types';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { PLATFORM_WITH_ACADEMIES, toPlatform, type PlatformRow } from './platform-row';

type IncidentRow = Prisma.IncidentGetPayload<{ include: { platform: { select: { name: true } }; academies: true } }>;

export function toIncidentItem(row: IncidentRow): IncidentListItem {
  return {
    id: row.id,
    platformId: row.platformId,
    platformName: row.platform.name,
    level: row.level as IncidentLevel,
    state: row.state as IncidentState,
    startedAt: row.startedAt.getTime(),
    detectedAt: row.detectedAt?.getTime() ?? null,
    endedAt: row.endedAt?.getTime() ?? null,
    national: row.scope === 'national',
    academies: row.academies.map((a) => a.academyId).sort(),
    reportCount: row.reportCount,
    reporterCount: row.reporterCount,
    peakReporters: row.peakReporters,
  };
}

function toCommonCause(json: unknown): CommonCauseInfo | null {
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  const kind = o.kind;
  if (kind !== 'operator' && kind !== 'multi_academy' && kind !== 'multi_platform') return null;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const since = typeof o.since === 'string' ? Date.parse(o.since) : NaN;
  return { kind, key: typeof o.key === 'string' ? o.key : '', platforms: strings(o.platforms), academies: strings(o.academies), since: Number.isNaN(since) ? null : since };
}

function toCounts(json: unknown): Record<string, number> {
  if (typeof json !== 'object' || json === null) return {};
  return Object.fromEntries(Object.entries(json).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/**
 * Incidents of a platform and/or covering an académie (its own row, or national on a platform
 * serving it), starting before `until` and still open or ended after `since`, newest first.
 */
export async function listIncidents(
  db: PrismaClient,
  input: { platformId?: string; academyId?: string; since: Date; until?: Date; limit: number },
): Promise<IncidentListItem[]> {
  const where: Prisma.IncidentWhereInput = {
    ...(input.platformId ? { platformId: input.platformId } : {}),
    ...(input.academyId
      ? {
          OR: [
            { academies: { some: { academyId: input.academyId } } },
            { scope: 'national', platform: { academies: { some: { academyId: input.academyId } } } },
          ],
        }
      : {}),
    AND: [
      { OR: [{ endedAt: null }, { endedAt: { gte: input.since } }] },
      ...(input.until ? [{ startedAt: { lt: input.until } }] : []),
    ],
  };
  const rows = await db.incident.findMany({
    where,
    include: { platform: { select: { name: true } }, academies: true },
    orderBy: { startedAt: 'desc' },
    take: input.limit,
  });
  return rows.map(toIncidentItem);
}

export async function readIncident(db: PrismaClient, id: string): Promise<IncidentDetail | null> {
  const row = await db.incident.findUnique({
    where: { id },
    include: {
      platform: { select: { name: true, operator: true } },
      academies: { orderBy: { joinedAt: 'asc' } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) return null;
  return {
    ...toIncidentItem(row),
    operator: row.platform.operator,
    networkCount: row.networkCount,
    peakAt: row.peakAt?.getTime() ?? null,
    categoryBreakdown: toCounts(row.categoryBreakdown),
    commonCause: toCommonCause(row.commonCause),
    mergedIntoId: row.mergedIntoId,
    dismissedReason: row.dismissedReason,
    academyJoins: row.academies.map((a) => ({ academyId: a.academyId, joinedAt: a.joinedAt.getTime() })),
    events: row.events.map((e) => ({ at: e.at.getTime(), kind: e.kind, data: e.data, byModerator: e.actorId !== null })),
  };
}

/** Counted reports per problem category over [from, to), from the per-category minute counters. */
export async function countCategories(
  db: PrismaClient,
  input: { platformId?: string; academyId?: string; from: Date; to: Date },
): Promise<Record<string, number>> {
  const rows = await db.reportCategoryCount.groupBy({
    by: ['category'],
    where: {
      bucketStart: { gte: input.from, lt: input.to },
      ...(input.platformId ? { platformId: input.platformId } : {}),
      ...(input.academyId ? { academyId: input.academyId } : {}),
    },
    _sum: { reports: true },
  });
  return Object.fromEntries(rows.map((r) => [r.category, r._sum.reports ?? 0]));
}

/** Latest comments a moderator approved (never pending or hidden ones, nor those of hidden reports). */
export async function listApprovedComments(
  db: PrismaClient,
  input: { platformId?: string; academyId?: string; before?: Date; limit: number },
): Promise<PublicComment[]> {
  const rows = await db.report.findMany({
    where: {
      commentState: 'approved',
      moderationState: { not: 'hidden' },
      comment: { not: null },
      ...(input.before ? { createdAt: { lt: input.before } } : {}),
      ...(input.platformId ? { platformId: input.platformId } : {}),
      ...(input.academyId ? { academyId: input.academyId } : {}),
    },
    select: { id: true, createdAt: true, platformId: true, academyId: true, category: true, comment: true },
    orderBy: { createdAt: 'desc' },
    take: input.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.getTime(),
    platformId: r.platformId,
    academyId: r.academyId,
    category: r.category as ProblemCategory,
    text: r.comment ?? '',
  }));
}

const ACADEMY_INFO = { include: { region: { select: { name: true } } } } as const;

const toPlatformInfo = (row: PlatformRow): PlatformInfo => platformInfo(toPlatform(row));

function toAcademyInfo(row: Prisma.AcademyGetPayload<typeof ACADEMY_INFO>): AcademyInfo {
  return { id: row.id, name: row.name, regionName: row.region.name, overseas: row.overseas, timeZone: row.timeZone };
}

export async function readPlatform(db: PrismaClient, id: string): Promise<PlatformInfo | null> {
  const row = await db.platform.findUnique({ where: { id }, ...PLATFORM_WITH_ACADEMIES });
  return row ? toPlatformInfo(row) : null;
}

export async function readAcademy(db: PrismaClient, id: string): Promise<AcademyInfo | null> {
  const row = await db.academy.findUnique({ where: { id }, ...ACADEMY_INFO });
  return row ? toAcademyInfo(row) : null;
}

/** Names of every académie and platform (retired included), for labels. */
export async function readNames(db: PrismaClient): Promise<{ academies: Record<string, AcademyInfo>; platforms: Record<string, string> }> {
  const [academies, platforms] = await Promise.all([
    db.academy.findMany(ACADEMY_INFO),
    db.platform.findMany({ select: { id: true, name: true } }),
  ]);
  return {
    academies: Object.fromEntries(academies.map((a) => [a.id, toAcademyInfo(a)])),
    platforms: Object.fromEntries(platforms.map((p) => [p.id, p.name])),
  };
}

/** Platforms in service that serve an académie (all of them without one). */
export async function listServingPlatforms(db: PrismaClient, academyId?: string): Promise<PlatformInfo[]> {
  const rows = await db.platform.findMany({
    where: { retiredAt: null, ...(academyId ? { academies: { some: { academyId } } } : {}) },
    ...PLATFORM_WITH_ACADEMIES,
    orderBy: { name: 'asc' },
  });
  return rows.map(toPlatformInfo);
}
