import { appendAudit } from '@/lib/db/audit';
import type { AuditEntry } from '@/lib/domain/audit';
import { monthOf, monthRange, partitionMonth, partitionName, youngPartitionNeedsAnalyze, type Month, type PartitionActivity } from '@/lib/domain/report-partitions';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

/** Columns of an archived month, in file order (the table's own order). */
export const REPORT_ARCHIVE_COLUMNS = [
  'id', 'platform_id', 'academy_id', 'category', 'role', 'comment', 'comment_state', 'observed_at', 'idempotency_key',
  'source_fingerprint', 'device_token_hash', 'counted', 'distinct_reporter', 'flag_reason', 'moderation_state',
  'created_at', 'updated_at', 'network_fingerprint', 'comment_key',
] as const;

export type ArchivedReportRow = Record<(typeof REPORT_ARCHIVE_COLUMNS)[number], string | null>;

/** Structure changes wait at most this long for a lock, so intake is never held up behind them. */
const LOCK_TIMEOUT = '3s';

/** Months that have a partition of `report` (the default partition excluded). */
export async function listReportPartitionMonths(db: PrismaClient): Promise<Month[]> {
  const rows = await db.$queryRaw<Array<{ name: string }>>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'report'::regclass`;
  return rows.map((r) => partitionMonth(r.name)).filter((m): m is Month => m !== null).sort();
}

/** UTC months of the rows in the default partition (empty in steady state). */
export async function listDefaultPartitionMonths(db: PrismaClient): Promise<Month[]> {
  const rows = await db.$queryRaw<Array<{ month: string }>>`
    SELECT DISTINCT to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month FROM report_default`;
  return rows.map((r) => r.month).sort();
}

/**
 * Creates the month's partition and moves into it the rows of that month held by the default partition, in one
 * transaction (a partition cannot be attached while the default partition holds rows of its range). Rows moved
 * between partitions directly fire none of report's statement triggers: no ledger entry, key or counter changes.
 */
export async function createReportPartition(db: PrismaClient, month: Month): Promise<void> {
  const name = partitionName(month);
  const { start, end } = monthRange(month);
  const table = Prisma.raw(`"${name}"`);
  const bounds = Prisma.raw(`FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      await tx.$executeRaw`CREATE TABLE ${table} (LIKE report INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`;
      await tx.$executeRaw`INSERT INTO ${table} SELECT * FROM report_default WHERE created_at >= ${start} AND created_at < ${end}`;
      await tx.$executeRaw`DELETE FROM report_default WHERE created_at >= ${start} AND created_at < ${end}`;
      await tx.$executeRaw`ALTER TABLE report ATTACH PARTITION ${table} FOR VALUES ${bounds}`;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Statistics state of a month's partition (null when it does not exist): see youngPartitionNeedsAnalyze. */
export async function readPartitionActivity(db: PrismaClient, month: Month): Promise<PartitionActivity | null> {
  const [row] = await db.$queryRaw<Array<{ reltuples: number; changed: number | null }>>`
    SELECT c.reltuples::float8 AS reltuples, s.n_mod_since_analyze::float8 AS changed
    FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE c.oid = to_regclass(${partitionName(month)})`;
  if (!row) return null;
  // PostgreSQL 14 and later: reltuples is -1 until the first VACUUM or ANALYZE.
  return { analyzedRows: row.reltuples < 0 ? null : row.reltuples, changedSinceAnalyze: row.changed ?? 0 };
}

/** ANALYZE of one month's partition: new statistics, and every cached plan over it made again on its next run. */
export async function analyzePartition(db: PrismaClient, month: Month): Promise<void> {
  await db.$executeRawUnsafe(`ANALYZE "${partitionName(month)}"`);
}

/**
 * Statistics of the current month's partition while it is young (youngPartitionNeedsAnalyze): ANALYZE when it
 * has doubled since the last. Returns the month analysed, or null.
 */
export async function refreshYoungPartitionStatistics(db: PrismaClient, now: Date): Promise<Month | null> {
  const month = monthOf(now);
  const activity = await readPartitionActivity(db, month);
  if (!activity || !youngPartitionNeedsAnalyze(activity)) return null;
  await analyzePartition(db, month);
  return month;
}

/** A page of a month's partition in (created_at, id) order, after the given row; every value as text. */
export async function readReportPartitionPage(
  db: PrismaClient,
  month: Month,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<ArchivedReportRow[]> {
  const table = Prisma.raw(`"${partitionName(month)}"`);
  const columns = Prisma.raw(REPORT_ARCHIVE_COLUMNS.map((c) => `"${c}"::text AS "${c}"`).join(', '));
  const where = after ? Prisma.sql`WHERE (created_at, id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : Prisma.empty;
  return db.$queryRaw<ArchivedReportRow[]>`SELECT ${columns} FROM ${table} ${where} ORDER BY created_at, id LIMIT ${limit}`;
}

/** Row count and last change of a month's partition: what the archive file must still match when it is dropped. */
export async function reportPartitionState(db: PrismaClient | Prisma.TransactionClient, month: Month): Promise<{ rows: number; lastChange: string | null }> {
  const table = Prisma.raw(`"${partitionName(month)}"`);
  const [row] = await db.$queryRaw<Array<{ rows: number; last_change: string | null }>>`
    SELECT count(*)::int AS rows, max(updated_at)::text AS last_change FROM ${table}`;
  return { rows: row?.rows ?? 0, lastChange: row?.last_change ?? null };
}

export type ReportArchiveRecord = { month: Month; file: string; rows: number; bytes: number; sha256: string };

/**
 * Detaches and drops an archived month, records the archive (file, rows, SHA-256) and appends it to the audit
 * journal, in one transaction; refuses (returns false, nothing changed) when the partition no longer matches the
 * file (a row changed or arrived since it was written). Plain DETACH (not CONCURRENTLY: PostgreSQL refuses it
 * while a default partition exists) briefly locks `report`; the lock timeout keeps intake from waiting long.
 */
export async function dropArchivedReportPartition(
  db: PrismaClient,
  record: ReportArchiveRecord,
  expected: { rows: number; lastChange: string | null },
  audit: Omit<AuditEntry, 'targetType' | 'targetId' | 'after'>,
  now: Date,
): Promise<boolean> {
  const table = Prisma.raw(`"${partitionName(record.month)}"`);
  const { start, end } = monthRange(record.month);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      await tx.$executeRaw`ALTER TABLE report DETACH PARTITION ${table}`;
      const state = await reportPartitionState(tx, record.month);
      if (state.rows !== expected.rows || state.lastChange !== expected.lastChange) {
        throw new PartitionChanged();
      }
      await tx.reportArchive.create({
        data: { month: record.month, rangeStart: start, rangeEnd: end, file: record.file, rows: record.rows, bytes: BigInt(record.bytes), sha256: record.sha256 },
      });
      await tx.$executeRaw`DROP TABLE ${table}`;
      await appendAudit(tx, { ...audit, targetType: 'report_partition', targetId: record.month, after: record }, now);
      return true;
    },
    { timeout: 120_000, maxWait: 10_000 },
  ).catch((error: unknown) => {
    if (error instanceof PartitionChanged) return false;
    throw error;
  });
}

class PartitionChanged extends Error {}
