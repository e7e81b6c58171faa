import {
  AUTOMATIC_FLAGS,
  type CountedRow,
  type CounterDelta,
  type IncidentFacts,
  type MergePlan,
  type ModerationReportRow,
  type SplitPlan,
} from '@/lib/domain/moderation';
import { Prisma } from '@/lib/generated/prisma/client';
import type { DbLike, Tx } from './audit';

const REPORT_FIELDS = {
  id: true, createdAt: true, platformId: true, academyId: true, category: true, comment: true, commentState: true,
  moderationState: true, counted: true, flagReason: true, sourceFingerprint: true,
} as const;

/** Pending comments, automatically flagged reports not yet reviewed, and recently hidden reports. */
export async function listModerationQueue(db: DbLike, limit: number, opts: { comments: boolean } = { comments: true }) {
  const [comments, flagged, hidden] = await Promise.all([
    opts.comments
      ? db.report.findMany({ where: { commentState: 'pending', moderationState: { not: 'hidden' } }, select: REPORT_FIELDS, orderBy: { createdAt: 'asc' }, take: limit })
      : Promise.resolve([]),
    db.report.findMany({ where: { counted: false, flagReason: { in: [...AUTOMATIC_FLAGS] }, moderationState: 'visible' }, select: REPORT_FIELDS, orderBy: { createdAt: 'desc' }, take: limit }),
    db.report.findMany({ where: { OR: [{ moderationState: 'hidden' }, { commentState: 'hidden' }] }, select: REPORT_FIELDS, orderBy: { updatedAt: 'desc' }, take: limit }),
  ]);
  return { comments, flagged, hidden } satisfies Record<string, ModerationReportRow[]>;
}

/** Sources with the most unreviewed flagged reports (fingerprints are purged after 48 h, so this stays small). */
export async function listFlaggedSources(db: DbLike, limit: number) {
  return db.$queryRaw<Array<{ fingerprint: string; reasons: string[]; reports: number; lastAt: Date; sampleReportId: string }>>`
    SELECT source_fingerprint AS fingerprint, array_agg(DISTINCT flag_reason) AS reasons, count(*)::int AS reports,
      max(created_at) AS "lastAt", min(id::text) AS "sampleReportId"
    FROM report
    WHERE counted = false AND flag_reason = ANY(${[...AUTOMATIC_FLAGS]}::text[]) AND moderation_state = 'visible'
      AND source_fingerprint IS NOT NULL
    GROUP BY source_fingerprint ORDER BY count(*) DESC LIMIT ${limit}`;
}

export async function findReportSource(db: DbLike, id: string): Promise<{ id: string; sourceFingerprint: string | null } | null> {
  return db.report.findFirst({ where: { id }, select: { id: true, sourceFingerprint: true } });
}

type LockedRow = { id: string; counted: boolean; distinct_reporter: boolean; platform_id: string; academy_id: string; category: string; bucket_start: Date; flag_reason: string | null };

function toCounted(rows: LockedRow[]): CountedRow[] {
  return rows.map((r) => ({ platformId: r.platform_id, academyId: r.academy_id, bucketStart: r.bucket_start, category: r.category, counted: r.counted, distinctReporter: r.distinct_reporter }));
}

/** Hides reports (by ids or by source) that are not hidden yet; returns them as they were, to adjust counters. */
export async function hideReportRows(tx: Tx, target: { ids: string[] } | { fingerprint: string }): Promise<{ ids: string[]; rows: CountedRow[] }> {
  const where = 'ids' in target ? Prisma.sql`id = ANY(${target.ids}::uuid[])` : Prisma.sql`source_fingerprint = ${target.fingerprint}`;
  const locked = await tx.$queryRaw<LockedRow[]>`
    WITH target AS (
      SELECT id, counted, distinct_reporter, platform_id, academy_id, category, flag_reason,
        date_trunc('minute', coalesce(observed_at, created_at)) AS bucket_start
      FROM report WHERE ${where} AND moderation_state <> 'hidden' ORDER BY id FOR UPDATE
    ), changed AS (
      UPDATE report r SET moderation_state = 'hidden', counted = false,
        flag_reason = CASE WHEN t.counted THEN 'moderator' ELSE r.flag_reason END, updated_at = now()
      FROM target t WHERE r.id = t.id RETURNING r.id
    )
    SELECT t.id::text AS id, t.counted, t.distinct_reporter, t.platform_id, t.academy_id, t.category, t.bucket_start, t.flag_reason
    FROM target t JOIN changed c ON c.id = t.id`;
  return { ids: locked.map((r) => r.id), rows: toCounted(locked) };
}

/** Un-hides a report; one hidden while it counted ('moderator') counts again. Returns the rows that resume counting. */
export async function restoreReportRows(tx: Tx, ids: string[]): Promise<{ ids: string[]; rows: CountedRow[] }> {
  const locked = await tx.$queryRaw<LockedRow[]>`
    WITH target AS (
      SELECT id, distinct_reporter, platform_id, academy_id, category, flag_reason,
        date_trunc('minute', coalesce(observed_at, created_at)) AS bucket_start
      FROM report WHERE id = ANY(${ids}::uuid[]) AND moderation_state = 'hidden' ORDER BY id FOR UPDATE
    ), changed AS (
      UPDATE report r SET moderation_state = 'approved',
        counted = CASE WHEN t.flag_reason = 'moderator' THEN true ELSE r.counted END,
        flag_reason = CASE WHEN t.flag_reason = 'moderator' THEN NULL ELSE r.flag_reason END, updated_at = now()
      FROM target t WHERE r.id = t.id RETURNING r.id
    )
    SELECT t.id::text AS id, coalesce(t.flag_reason = 'moderator', false) AS counted, t.distinct_reporter, t.platform_id,
      t.academy_id, t.category, t.bucket_start, t.flag_reason
    FROM target t JOIN changed c ON c.id = t.id`;
  return { ids: locked.map((r) => r.id), rows: toCounted(locked) };
}

/** Marks a visible report as reviewed (it leaves the queue; its counting does not change). */
export async function approveReportRow(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.report.updateMany({ where: { id, moderationState: 'visible' }, data: { moderationState: 'approved' } });
  return result.count === 1;
}

export async function setCommentStateRow(tx: Tx, input: { id: string; from: string[]; to: string }): Promise<boolean> {
  const result = await tx.report.updateMany({ where: { id: input.id, commentState: { in: input.from } }, data: { commentState: input.to } });
  return result.count === 1;
}

/** Adds signed deltas to the minute counters (all categories, then per category), locking rows in key order like ingest does. */
export async function applyCounterDeltas(tx: Tx, deltas: CounterDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const platformIds = deltas.map((d) => d.platformId);
  const academyIds = deltas.map((d) => d.academyId);
  const buckets = deltas.map((d) => d.bucketStart);
  const categories = deltas.map((d) => d.category);
  const reports = deltas.map((d) => d.reports);
  const reporters = deltas.map((d) => d.reporters);
  await tx.$executeRaw`
    INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
    SELECT d.platform_id, d.academy_id, d.bucket_start, sum(d.reports)::int, sum(d.reporters)::int, now(), now()
    FROM unnest(${platformIds}::text[], ${academyIds}::text[], ${buckets}::timestamptz[], ${reports}::int[],
      ${reporters}::int[]) AS d(platform_id, academy_id, bucket_start, reports, reporters)
    GROUP BY d.platform_id, d.academy_id, d.bucket_start
    ORDER BY d.platform_id, d.academy_id, d.bucket_start
    ON CONFLICT (platform_id, academy_id, bucket_start) DO UPDATE
    SET reports = report_count.reports + EXCLUDED.reports, reporters = report_count.reporters + EXCLUDED.reporters, updated_at = now()`;
  await tx.$executeRaw`
    INSERT INTO report_category_count (platform_id, category, bucket_start, academy_id, reports, reporters, created_at, updated_at)
    SELECT d.platform_id, d.category, d.bucket_start, d.academy_id, d.reports, d.reporters, now(), now()
    FROM unnest(${platformIds}::text[], ${categories}::text[], ${buckets}::timestamptz[], ${academyIds}::text[],
      ${reports}::int[], ${reporters}::int[]) AS d(platform_id, category, bucket_start, academy_id, reports, reporters)
    ORDER BY d.platform_id, d.category, d.bucket_start, d.academy_id
    ON CONFLICT (platform_id, category, bucket_start, academy_id) DO UPDATE
    SET reports = report_category_count.reports + EXCLUDED.reports,
      reporters = report_category_count.reporters + EXCLUDED.reporters, updated_at = now()`;
}

export async function listIncidentsForModeration(db: DbLike, limit: number) {
  return db.incident.findMany({
    include: { platform: { select: { name: true } }, academies: { orderBy: { academyId: 'asc' } }, events: { orderBy: { at: 'desc' }, take: 30 } },
    orderBy: { startedAt: 'desc' },
    take: limit,
  });
}

/** Locks the incidents (in id order) and reads them for a merge, split or dismissal. */
export async function lockIncidents(tx: Tx, ids: string[]): Promise<IncidentFacts[]> {
  const sorted = [...new Set(ids)].sort();
  await tx.$executeRaw`SELECT id FROM incident WHERE id = ANY(${sorted}::uuid[]) ORDER BY id FOR UPDATE`;
  const rows = await tx.incident.findMany({ where: { id: { in: sorted } }, include: { academies: true } });
  return rows.map((r) => ({
    ...r,
    categoryBreakdown: (r.categoryBreakdown ?? {}) as Record<string, number>,
    academies: r.academies.map((a) => ({ academyId: a.academyId, joinedAt: a.joinedAt, level: a.level })),
  }));
}

export async function addIncidentEvent(tx: Tx, input: { incidentId: string; kind: string; data: Prisma.InputJsonObject; actorId: string | null; at: Date }): Promise<void> {
  await tx.incidentEvent.create({ data: input });
}

export async function dismissIncidentRow(tx: Tx, input: { id: string; reason: string }): Promise<void> {
  await tx.incident.update({ where: { id: input.id }, data: { state: 'dismissed', dismissedReason: input.reason } });
}

export async function saveMerge(tx: Tx, input: { sourceId: string; intoId: string; plan: MergePlan }): Promise<void> {
  await tx.incident.update({ where: { id: input.intoId }, data: input.plan.into });
  await tx.incidentAcademy.createMany({ data: input.plan.addAcademies.map((a) => ({ incidentId: input.intoId, ...a })) });
  await tx.incident.update({ where: { id: input.sourceId }, data: { state: 'merged', mergedIntoId: input.intoId } });
}

/** Counted reports and distinct reporters of a platform in some académies over [from, to]. */
export async function countIncidentReports(tx: Tx, input: { platformId: string; academyIds: string[]; from: Date; to: Date }) {
  const where = { platformId: input.platformId, academyId: { in: input.academyIds }, counted: true, createdAt: { gte: input.from, lte: input.to } };
  const [reports, reporters] = await Promise.all([tx.report.count({ where }), tx.report.count({ where: { ...where, distinctReporter: true } })]);
  return { reports, reporters };
}

export async function saveSplit(
  tx: Tx,
  input: { incident: IncidentFacts; plan: SplitPlan; newId: string; moved: { reports: number; reporters: number } },
): Promise<void> {
  const { incident, plan, newId, moved } = input;
  await tx.incident.create({
    data: {
      id: newId, platformId: incident.platformId, scope: 'academies', level: plan.level, state: incident.state,
      startedAt: plan.startedAt, detectedAt: incident.detectedAt, endedAt: incident.endedAt,
      reportCount: moved.reports, reporterCount: moved.reporters, maxScore: incident.maxScore,
    },
  });
  const movedIds = plan.moved.map((a) => a.academyId);
  await tx.incidentAcademy.deleteMany({ where: { incidentId: incident.id, academyId: { in: movedIds } } });
  await tx.incidentAcademy.createMany({ data: plan.moved.map((a) => ({ incidentId: newId, ...a })) });
  await tx.incident.update({
    where: { id: incident.id },
    data: {
      scope: 'academies',
      reportCount: Math.max(0, incident.reportCount - moved.reports),
      reporterCount: Math.max(0, incident.reporterCount - moved.reporters),
    },
  });
}
