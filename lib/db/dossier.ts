import { Prisma } from '@/lib/generated/prisma/client';
import type { DbLike } from './audit';

export type DossierScope = { platforms: string[]; academies: string[]; from: Date; to: Date };

export type DossierReportRow = {
  id: string;
  createdAt: Date;
  platformId: string;
  academyId: string;
  moderationState: string;
  flagReason: string | null;
  comment: string | null;
};

export type MinuteCountRow = { platformId: string; academyId: string; bucketStart: Date; reports: number; reporters: number };

export type ModerationEntryRow = {
  reportId: string;
  seq: bigint;
  day: string;
  body: string;
  report: { platformId: string; academyId: string; createdAt: Date };
};

export type DossierIncidentRow = {
  id: string;
  platformId: string;
  scope: string;
  level: string;
  state: string;
  startedAt: Date;
  endedAt: Date | null;
  peakAt: Date | null;
  peakReporters: number;
  reportCount: number;
  reporterCount: number;
  dismissedReason: string | null;
  academies: string[];
  events: Array<{ at: Date; kind: string; data: unknown }>;
};

function scopeSql(s: DossierScope, alias: Prisma.Sql) {
  const academies = s.academies.length > 0 ? Prisma.sql`AND ${alias}.academy_id = ANY(${s.academies}::text[])` : Prisma.empty;
  return Prisma.sql`${alias}.platform_id = ANY(${s.platforms}::text[]) ${academies}`;
}

export type LedgerRef = { day: string; seq: bigint; body: string };

/** A dossier report with its ledger entry on its own Paris day (null: elsewhere in the ledger, or absent). */
export type DossierReportEntryRow = DossierReportRow & { entry: LedgerRef | null };

type ReportPageRow = {
  id: string; created_at: Date; platform_id: string; academy_id: string; moderation_state: string;
  flag_reason: string | null; comment: string | null; day: string | null; seq: bigint | null; body: string | null;
};

/**
 * One page of the dossier's reports (time, id order) joined with their ledger entries: only the page's
 * days of the ledger are scanned. Approved comments only; fingerprints and device hashes are never read.
 */
export async function listDossierReportPage(
  db: DbLike,
  input: { scope: DossierScope; after: { at: Date; id: string } | null; limit: number },
): Promise<DossierReportEntryRow[]> {
  const s = input.scope;
  const after = input.after ? Prisma.sql`AND (r.created_at, r.id) > (${input.after.at}, ${input.after.id}::uuid)` : Prisma.empty;
  const rows = await db.$queryRaw<ReportPageRow[]>`
    WITH page AS (
      SELECT r.id, r.created_at, r.platform_id, r.academy_id, r.moderation_state, r.flag_reason,
        CASE WHEN r.comment_state = 'approved' THEN r.comment END AS comment,
        (r.created_at AT TIME ZONE 'Europe/Paris')::date AS paris_day
      FROM report r
      WHERE ${scopeSql(s, Prisma.raw('r'))} AND r.created_at >= ${s.from} AND r.created_at < ${s.to} ${after}
      ORDER BY r.created_at, r.id LIMIT ${input.limit}
    )
    SELECT p.id::text AS id, p.created_at, p.platform_id, p.academy_id, p.moderation_state, p.flag_reason, p.comment,
      e.day::text AS day, e.seq, e.body
    FROM page p LEFT JOIN ledger_entry e ON e.kind = 'report' AND e.ref_id = p.id::text AND e.day = p.paris_day
      AND e.day >= (SELECT min(paris_day) FROM page) AND e.day <= (SELECT max(paris_day) FROM page)
    ORDER BY p.created_at, p.id`;
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    platformId: r.platform_id,
    academyId: r.academy_id,
    moderationState: r.moderation_state,
    flagReason: r.flag_reason,
    comment: r.comment,
    entry: r.day !== null && r.seq !== null && r.body !== null ? { day: r.day, seq: r.seq, body: r.body } : null,
  }));
}

/** Report entries of the period recorded on another day than their own (their day was sealed when they came). */
export async function listMovedReportEntries(db: DbLike, scope: DossierScope): Promise<Array<LedgerRef & { refId: string }>> {
  return db.$queryRaw<Array<LedgerRef & { refId: string }>>`
    SELECT e.ref_id AS "refId", e.day::text AS day, e.seq, e.body FROM ledger_entry e
    WHERE e.kind = 'report' AND e.day > (${scope.from} AT TIME ZONE 'Europe/Paris')::date AND e.at >= ${scope.from} AND e.at < ${scope.to}
      AND e.day <> (e.at AT TIME ZONE 'Europe/Paris')::date
    ORDER BY e.seq`;
}

/** One page of a ledger day's entry hashes in ledger order, up to a digest's last_seq. */
export async function listRegistrePage(db: DbLike, input: { day: string; afterSeq: bigint; uptoSeq: bigint; limit: number }): Promise<Array<{ seq: bigint; hash: string }>> {
  return db.$queryRaw<Array<{ seq: bigint; hash: string }>>`
    SELECT e.seq, e.hash FROM ledger_entry e
    WHERE e.day = ${input.day}::date AND e.seq > ${input.afterSeq} AND e.seq <= ${input.uptoSeq}
    ORDER BY e.seq LIMIT ${input.limit}`;
}

/** Reports per cell (service × académie × UTC hour since the epoch), for k-anonymity and progress. */
export async function countReportCells(db: DbLike, scope: DossierScope): Promise<Array<{ platformId: string; academyId: string; hour: number; reports: number }>> {
  return db.$queryRaw<Array<{ platformId: string; academyId: string; hour: number; reports: number }>>`
    SELECT r.platform_id AS "platformId", r.academy_id AS "academyId", floor(extract(epoch FROM r.created_at) / 3600)::int AS hour, count(*)::int AS reports
    FROM report r
    WHERE ${scopeSql(scope, Prisma.raw('r'))} AND r.created_at >= ${scope.from} AND r.created_at < ${scope.to}
    GROUP BY 1, 2, 3`;
}

export type MinuteCountKey = { bucketStart: Date; platformId: string; academyId: string };

/** One page of the per-minute counts (minute, service, académie order). */
export async function listMinuteCounts(db: DbLike, input: { scope: DossierScope; after: MinuteCountKey | null; limit: number }): Promise<MinuteCountRow[]> {
  const { scope, after: a } = input;
  const after = a ? Prisma.sql`AND (c.bucket_start, c.platform_id, c.academy_id) > (${a.bucketStart}, ${a.platformId}, ${a.academyId})` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ platform_id: string; academy_id: string; bucket_start: Date; reports: number; reporters: number }>>`
    SELECT c.platform_id, c.academy_id, c.bucket_start, c.reports, c.reporters FROM report_count c
    WHERE ${scopeSql(scope, Prisma.raw('c'))} AND c.bucket_start >= ${scope.from} AND c.bucket_start < ${scope.to}
      AND (c.reports > 0 OR c.reporters > 0) ${after}
    ORDER BY c.bucket_start, c.platform_id, c.academy_id LIMIT ${input.limit}`;
  return rows.map((r) => ({ platformId: r.platform_id, academyId: r.academy_id, bucketStart: r.bucket_start, reports: r.reports, reporters: r.reporters }));
}

/** Moderation entries of the dossier's reports (what was hidden, restored or published, and when). */
export async function listModerationEntries(db: DbLike, scope: DossierScope): Promise<ModerationEntryRow[]> {
  const rows = await db.$queryRaw<Array<{ ref_id: string; seq: bigint; day: Date; body: string; platform_id: string; academy_id: string; created_at: Date }>>`
    SELECT e.ref_id, e.seq, e.day, e.body, r.platform_id, r.academy_id, r.created_at FROM ledger_entry e JOIN report r ON r.id = e.ref_id::uuid
    WHERE e.kind = 'moderation' AND e.day >= (${scope.from} AT TIME ZONE 'Europe/Paris')::date AND ${scopeSql(scope, Prisma.raw('r'))} AND r.created_at >= ${scope.from} AND r.created_at < ${scope.to}
    ORDER BY e.seq`;
  return rows.map((r) => ({
    reportId: r.ref_id, seq: r.seq, day: r.day.toISOString().slice(0, 10), body: r.body,
    report: { platformId: r.platform_id, academyId: r.academy_id, createdAt: r.created_at },
  }));
}

/** Incidents of the platforms that overlap the period and touch the académies (or are national). */
export async function listDossierIncidents(db: DbLike, scope: DossierScope): Promise<DossierIncidentRow[]> {
  const rows = await db.incident.findMany({
    where: {
      platformId: { in: scope.platforms },
      startedAt: { lt: scope.to },
      OR: [{ endedAt: null }, { endedAt: { gte: scope.from } }],
      ...(scope.academies.length > 0 ? { AND: [{ OR: [{ scope: 'national' }, { academies: { some: { academyId: { in: scope.academies } } } }] }] } : {}),
    },
    include: { academies: { orderBy: { academyId: 'asc' } }, events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({
    id: r.id,
    platformId: r.platformId,
    scope: r.scope,
    level: r.level,
    state: r.state,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    peakAt: r.peakAt,
    peakReporters: r.peakReporters,
    reportCount: r.reportCount,
    reporterCount: r.reporterCount,
    dismissedReason: r.dismissedReason,
    academies: r.academies.map((a) => a.academyId),
    events: r.events.map((e) => ({ at: e.at, kind: e.kind, data: e.data })),
  }));
}
