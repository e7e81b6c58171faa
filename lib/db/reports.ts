import { createHash } from 'node:crypto';
import { reportEntryBody } from '@/lib/domain/ledger-entry';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { commentKey } from '@/lib/domain/comment-key';
import { directQuery } from './direct-query';

export type NewReportRow = {
  id: string;
  platformId: string;
  academyId: string;
  category: string;
  role: string | null;
  comment: string | null;
  observedAt: Date | null;
  idempotencyKey: string;
  sourceFingerprint: string;
  deviceTokenHash: string | null;
  networkFingerprint: string | null;
  counted: boolean;
  distinctReporter: boolean;
  flagReason: string | null;
  createdAt: Date;
};

export type StoredReportRef = {
  id: string;
  idempotencyKey: string;
  platformId: string;
  academyId: string;
  counted: boolean;
};

export type RecentSourceReport = {
  sourceFingerprint: string;
  deviceTokenHash: string | null;
  platformId: string;
  academyId: string;
  category: string;
  comment: string | null;
  counted: boolean;
  createdAt: Date;
};

/** `ledger: false` only for the benchmark's baseline: the database's trigger then writes the entries (unless disabled). */
export type BatchInsertOptions = { ledger?: boolean };

/**
 * Stores a batch of reports, their ledger entries, and adds the counted ones to their minute counters
 * (all categories, and per category), in one statement (atomic, durable before any answer, one round
 * trip). Keys already stored are skipped (and get no entry); returns the rows actually inserted. Counter
 * rows are locked in a fixed order (report_count, then report_category_count, each by key, as moderation
 * does), so batches never deadlock.
 */
export async function insertReportBatch(db: PrismaClient, rows: NewReportRow[], options: BatchInsertOptions = {}): Promise<StoredReportRef[]> {
  if (rows.length === 0) return [];
  const inserted = await directQuery<{ id: string; idempotency_key: string }>(db, reportBatchInsert(rows, options));
  const insertedIds = new Set(inserted.map((r) => r.id));
  return rows
    .filter((r) => insertedIds.has(r.id))
    .map((r) => ({ id: r.id, idempotencyKey: r.idempotencyKey, platformId: r.platformId, academyId: r.academyId, counted: r.counted }));
}

/** The statement of insertReportBatch (returns `id`, `idempotency_key` of the rows inserted); the ingest benchmark's floor runs it too. */
export function reportBatchInsert(rows: NewReportRow[], options: BatchInsertOptions = {}): Prisma.Sql {
  const ledger = options.ledger === false ? Prisma.empty : ledgerEntries(rows);
  return Prisma.sql`
    WITH r AS (
      SELECT * FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.platformId)}::text[],
        ${rows.map((r) => r.academyId)}::text[], ${rows.map((r) => r.category)}::text[],
        ${rows.map((r) => r.role)}::text[], ${rows.map((r) => r.comment)}::text[],
        ${rows.map((r) => r.observedAt?.toISOString() ?? null)}::timestamptz[], ${rows.map((r) => r.idempotencyKey)}::text[],
        ${rows.map((r) => r.sourceFingerprint)}::text[], ${rows.map((r) => r.deviceTokenHash)}::text[],
        ${rows.map((r) => r.networkFingerprint)}::text[], ${rows.map((r) => r.counted)}::boolean[], ${rows.map((r) => r.distinctReporter)}::boolean[],
        ${rows.map((r) => r.flagReason)}::text[], ${rows.map((r) => r.createdAt.toISOString())}::timestamptz[],
        ${rows.map((r) => (r.comment === null ? null : commentKey(r.comment)))}::text[])
        AS r(id, platform_id, academy_id, category, role, comment, observed_at, idempotency_key,
          source_fingerprint, device_token_hash, network_fingerprint, counted, distinct_reporter, flag_reason, created_at, comment_key)
    ), keyed AS (
      -- report is partitioned (no unique index on idempotency_key alone): the key table decides which rows are new.
      INSERT INTO report_key (idempotency_key, report_id, created_at)
      SELECT idempotency_key, id, created_at FROM r
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING report_id
    ), ins AS (
      INSERT INTO report (id, platform_id, academy_id, category, role, comment, comment_state, observed_at,
        idempotency_key, source_fingerprint, device_token_hash, network_fingerprint, counted, distinct_reporter,
        flag_reason, moderation_state, created_at, updated_at, comment_key)
      SELECT r.id, r.platform_id, r.academy_id, r.category, r.role, r.comment,
        CASE WHEN r.comment IS NULL THEN 'none' ELSE 'pending' END, r.observed_at,
        r.idempotency_key, r.source_fingerprint, r.device_token_hash, r.network_fingerprint, r.counted,
        r.distinct_reporter, r.flag_reason, 'visible', r.created_at, r.created_at, r.comment_key
      FROM r JOIN keyed ON keyed.report_id = r.id
      RETURNING id, idempotency_key, platform_id, academy_id, category, counted, distinct_reporter,
        date_trunc('minute', coalesce(observed_at, created_at)) AS bucket_start, created_at
    ), counted AS (
      INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
      SELECT platform_id, academy_id, bucket_start, count(*)::int, (count(*) FILTER (WHERE distinct_reporter))::int, now(), now()
      FROM ins WHERE counted
      GROUP BY platform_id, academy_id, bucket_start
      ORDER BY platform_id, academy_id, bucket_start
      ON CONFLICT (platform_id, academy_id, bucket_start) DO UPDATE
      SET reports = report_count.reports + EXCLUDED.reports,
          reporters = report_count.reporters + EXCLUDED.reporters,
          updated_at = now()
    ), by_category AS (
      INSERT INTO report_category_count (platform_id, category, bucket_start, academy_id, reports, reporters, created_at, updated_at)
      SELECT platform_id, category, bucket_start, academy_id, count(*)::int, (count(*) FILTER (WHERE distinct_reporter))::int, now(), now()
      FROM ins WHERE counted
      GROUP BY platform_id, category, bucket_start, academy_id
      ORDER BY platform_id, category, bucket_start, academy_id
      ON CONFLICT (platform_id, category, bucket_start, academy_id) DO UPDATE
      SET reports = report_category_count.reports + EXCLUDED.reports,
          reporters = report_category_count.reporters + EXCLUDED.reporters,
          updated_at = now()
    )${ledger}
    SELECT id::text AS id, idempotency_key FROM ins${options.ledger === false ? Prisma.empty : Prisma.sql`, ledger_mark`}`;
}

/**
 * The ledger entries of the rows actually inserted (bodies and hashes built here, not per row in SQL), in
 * the batch's statement. The count written is left in a transaction-local setting for the report insert
 * trigger (ledger_report_inserted), which writes entries itself for any other INSERT into report.
 */
function ledgerEntries(rows: NewReportRow[]): Prisma.Sql {
  const bodies = rows.map((r) =>
    reportEntryBody({
      id: r.id.toLowerCase(),
      at: r.createdAt.toISOString(),
      observedAt: r.observedAt?.toISOString() ?? null,
      platform: r.platformId,
      academy: r.academyId,
      category: r.category,
      role: r.role,
      counted: r.counted,
      flag: r.flagReason,
    }),
  );
  const hashes = bodies.map((b) => createHash('sha256').update(b, 'utf8').digest('hex'));
  return Prisma.sql`, ledger AS (
      INSERT INTO ledger_entry (day, at, kind, ref_id, body, hash)
      SELECT CASE WHEN s.day IS NULL THEN e.day ELSE (now() AT TIME ZONE 'Europe/Paris')::date END, e.at, 'report', e.id, e.body, e.hash
      FROM (SELECT ins.created_at AS at, (ins.created_at AT TIME ZONE 'Europe/Paris')::date AS day, ins.id::text AS id, l.body, l.hash
        FROM ins JOIN unnest(${rows.map((r) => r.id)}::uuid[], ${bodies}::text[], ${hashes}::text[]) AS l(id, body, hash)
          ON l.id = ins.id) e
      LEFT JOIN ledger_seal s ON s.day = e.day
      ORDER BY e.at, e.id
      RETURNING 1
    ), ledger_mark AS (
      SELECT set_config('ledger.report_entries', count(*)::text, true) AS written FROM ledger
    )`;
}

/** The stored reports of these idempotency keys (keys are kept 48 h: see purgeReportKeys). */
export async function findReportsByKeys(db: PrismaClient, keys: string[]): Promise<StoredReportRef[]> {
  if (keys.length === 0) return [];
  return db.$queryRaw<StoredReportRef[]>`
    SELECT r.id::text AS "id", k.idempotency_key AS "idempotencyKey", r.platform_id AS "platformId",
      r.academy_id AS "academyId", r.counted
    FROM report_key k JOIN report r ON r.id = k.report_id AND r.created_at = k.created_at
    WHERE k.idempotency_key = ANY(${keys}::text[])`;
}

/** Forgets idempotency keys of reports received before `before` (the idempotency window is 48 h). */
export async function purgeReportKeys(db: PrismaClient, before: Date): Promise<number> {
  const result = await db.reportKey.deleteMany({ where: { createdAt: { lt: before } } });
  return result.count;
}

/** Clears source, network and device hashes older than `before` (privacy: kept 48 h at most). */
export async function purgeFingerprints(db: PrismaClient, before: Date): Promise<number> {
  const result = await db.report.updateMany({
    where: {
      createdAt: { lt: before },
      OR: [{ sourceFingerprint: { not: null } }, { deviceTokenHash: { not: null } }, { networkFingerprint: { not: null } }],
    },
    data: { sourceFingerprint: null, deviceTokenHash: null, networkFingerprint: null },
  });
  return result.count;
}
