import type { ProblemCategory } from '@/lib/domain/types';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { IncidentRecord, PairCount } from '@/lib/domain/map-state';
import { readAreaState } from './aggregates';

// The category filter reads report_category_count, a per-category copy of the minute counters kept
// in the same ingest statement and in moderation hide/restore, so replays and hidden reports stay
// right. Measured (bench/category-filter.ts, 1.26 M reports over 3.5 h): window + 3-hour sparkline
// 28 ms p50 from these counters against 126 ms grouping `report` on (category, created_at), 86 ms with
// a covering index (and that bucketed on created_at, not the observed minute); ingest pays +4 % a batch.

type Window = { at: Date; from: Date; category: ProblemCategory | null };
type PairRow = { platform_id: string; academy_id: string; reports: number; reporters: number };

/** Counted reports and distinct reporters per platform × académie, minute buckets in [from, at). */
export async function readWindowCounts(db: PrismaClient, input: Window): Promise<PairCount[]> {
  if (!input.category) {
    const windowMinutes = (input.at.getTime() - input.from.getTime()) / 60_000;
    return readAreaState(db, { at: input.at, windowMinutes });
  }
  const rows = await db.$queryRaw<PairRow[]>`
    SELECT platform_id, academy_id, sum(reports)::int AS reports, sum(reporters)::int AS reporters
    FROM report_category_count
    WHERE category = ${input.category} AND bucket_start >= ${input.from} AND bucket_start < ${input.at}
    GROUP BY platform_id, academy_id`;
  return rows.map((r) => ({ platformId: r.platform_id, academyId: r.academy_id, reports: r.reports, reporters: r.reporters }));
}

export type SparklineBucket = { platformId: string; i: number; reporters: number };

/** Distinct reporters per platform and bucket of `bucketMinutes` from `from` (bucket index i), minute buckets < at. */
export async function readSparklineBuckets(db: PrismaClient, input: Window & { bucketMinutes: number }): Promise<SparklineBucket[]> {
  const seconds = input.bucketMinutes * 60;
  type Row = { platform_id: string; i: number; n: number };
  const rows = input.category
    ? await db.$queryRaw<Row[]>`
        SELECT platform_id, floor(extract(epoch FROM bucket_start - ${input.from}::timestamptz) / ${seconds})::int AS i,
          sum(reporters)::int AS n
        FROM report_category_count
        WHERE category = ${input.category} AND bucket_start >= ${input.from} AND bucket_start < ${input.at}
        GROUP BY 1, 2`
    : await db.$queryRaw<Row[]>`
        SELECT platform_id, floor(extract(epoch FROM bucket_start - ${input.from}::timestamptz) / ${seconds})::int AS i,
          sum(reporters)::int AS n
        FROM report_count
        WHERE bucket_start >= ${input.from} AND bucket_start < ${input.at}
        GROUP BY 1, 2`;
  return rows.map((r) => ({ platformId: r.platform_id, i: r.i, reporters: r.n }));
}

type IncidentRow = {
  id: string;
  platform_id: string;
  level: string;
  scope: string;
  started_at: Date;
  detected_at: Date | null;
  ended_at: Date | null;
  academies: Array<{ academyId: string; joinedAt: string }>;
};

/** Incidents overlapping `at` (started by then, not ended by then), dismissed and merged ones excluded. */
export async function listIncidentsOverlapping(db: PrismaClient, at: Date): Promise<IncidentRecord[]> {
  const rows = await db.$queryRaw<IncidentRow[]>`
    SELECT i.id::text AS id, i.platform_id, i.level, i.scope, i.started_at, i.detected_at, i.ended_at,
      coalesce(json_agg(json_build_object('academyId', a.academy_id, 'joinedAt', a.joined_at))
        FILTER (WHERE a.academy_id IS NOT NULL), '[]'::json) AS academies
    FROM incident i LEFT JOIN incident_academy a ON a.incident_id = i.id
    WHERE i.state NOT IN ('dismissed', 'merged') AND i.started_at <= ${at} AND (i.ended_at IS NULL OR i.ended_at > ${at})
    GROUP BY i.id`;
  return rows.map((r) => ({
    id: r.id,
    platformId: r.platform_id,
    level: r.level === 'detected' ? 'detected' : 'possible',
    startedAt: r.started_at,
    detectedAt: r.detected_at,
    endedAt: r.ended_at,
    national: r.scope === 'national',
    academies: r.academies.map((a) => ({ academyId: a.academyId, joinedAt: new Date(a.joinedAt) })),
  }));
}

export type MapCatalog = {
  academyIds: string[];
  platforms: Array<{ id: string; academies: string[]; retiredAt: Date | null }>;
};

/** The académies and every platform (retired ones too, for replays) with the académies each serves. */
export async function readMapCatalog(db: PrismaClient): Promise<MapCatalog> {
  const [academies, platforms] = await Promise.all([
    db.academy.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
    db.platform.findMany({ select: { id: true, retiredAt: true, academies: { select: { academyId: true } } }, orderBy: { id: 'asc' } }),
  ]);
  return {
    academyIds: academies.map((a) => a.id),
    platforms: platforms.map((p) => ({ id: p.id, retiredAt: p.retiredAt, academies: p.academies.map((a) => a.academyId).sort() })),
  };
}
