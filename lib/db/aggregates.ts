import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { directQuery } from './direct-query';
import { ISO_MS, pageQuery, type BytePage, type ExportColumn, type RowEncoding } from './export-encoding';
import type { PageReader } from './export-reader';
import type { RecentSourceReport } from './reports';

export type AreaState = { platformId: string; academyId: string; reports: number; reporters: number };

/**
 * Counted reports and distinct reporters per platform × académie over [at - windowMinutes, at),
 * for one platform or all: one indexed range scan of the minute counters (any past `at` works).
 */
export async function readAreaState(
  db: PrismaClient,
  input: { at: Date; windowMinutes: number; platformId?: string },
): Promise<AreaState[]> {
  const from = new Date(input.at.getTime() - input.windowMinutes * 60_000);
  const rows = input.platformId
    ? await db.$queryRaw<Array<{ platform_id: string; academy_id: string; reports: number; reporters: number }>>`
        SELECT platform_id, academy_id, sum(reports)::int AS reports, sum(reporters)::int AS reporters
        FROM report_count
        WHERE platform_id = ${input.platformId} AND bucket_start >= ${from} AND bucket_start < ${input.at}
        GROUP BY platform_id, academy_id`
    : await db.$queryRaw<Array<{ platform_id: string; academy_id: string; reports: number; reporters: number }>>`
        SELECT platform_id, academy_id, sum(reports)::int AS reports, sum(reporters)::int AS reporters
        FROM report_count
        WHERE bucket_start >= ${from} AND bucket_start < ${input.at}
        GROUP BY platform_id, academy_id`;
  return rows.map((r) => ({ platformId: r.platform_id, academyId: r.academy_id, reports: r.reports, reporters: r.reporters }));
}

/** Bucket widths of the counts API and exports (closed set: mapped to SQL below, never from user text). */
export type CountBucket = '1min' | '15min' | '1h' | '1j';

const BUCKET_SQL: Record<CountBucket, Prisma.Sql> = {
  '1min': Prisma.sql`bucket_start`,
  '15min': Prisma.sql`date_bin('15 minutes'::interval, bucket_start, TIMESTAMPTZ '2000-01-01T00:00:00Z')`,
  '1h': Prisma.sql`date_trunc('hour', bucket_start)`,
  // Days are Paris days: a French reader's « 6 avril » runs from midnight to midnight in Paris.
  '1j': Prisma.sql`(date_trunc('day', bucket_start AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'Europe/Paris')`,
};

export type CountRow = { bucket: Date; platformId: string; academyId: string; category: string; reports: number; reporters: number };
export type CountKey = Pick<CountRow, 'bucket' | 'platformId' | 'academyId' | 'category'>;

type CountFilter = { to: Date; bucket: CountBucket; platformId?: string | null; academyId?: string | null; category?: string | null; limit: number };

/** The count rows' query, shared by readCountRows and readCountPage: filter from `from`, keyset after `after`. */
function countRowsQuery(input: CountFilter, from: Prisma.Sql, after: readonly unknown[] | null): Prisma.Sql {
  const conditions = [Prisma.sql`bucket_start >= ${from}`, Prisma.sql`bucket_start < ${input.to}`];
  if (input.platformId) conditions.push(Prisma.sql`platform_id = ${input.platformId}`);
  if (input.academyId) conditions.push(Prisma.sql`academy_id = ${input.academyId}`);
  if (input.category) conditions.push(Prisma.sql`category = ${input.category}`);
  const keyset = after ? Prisma.sql`WHERE (bucket, platform_id, academy_id, category) > (${Prisma.join(after as unknown[])})` : Prisma.empty;
  return Prisma.sql`
    SELECT * FROM (
      SELECT ${BUCKET_SQL[input.bucket]} AS bucket, platform_id, academy_id, category,
             sum(reports)::int AS reports, sum(reporters)::int AS reporters
      FROM report_category_count
      WHERE ${Prisma.join(conditions, ' AND ')}
      GROUP BY 1, 2, 3, 4
    ) t
    ${keyset}
    ORDER BY bucket, platform_id, academy_id, category
    LIMIT ${input.limit}`;
}

/**
 * Counted reports and distinct reporters per bucket × platform × académie × problem over [from, to),
 * in key order, after `after` (keyset), at most `limit` rows. Callers keep [from, to) short enough
 * that one page's aggregation stays small (see lib/export/pages.ts).
 */
export async function readCountRows(
  db: PrismaClient,
  input: { from: Date; to: Date; bucket: CountBucket; platformId?: string | null; academyId?: string | null; category?: string | null; after?: CountKey | null; limit: number },
): Promise<CountRow[]> {
  // Buckets grow with bucket_start: rows of buckets before the cursor's are skipped before aggregating.
  const from = input.after && input.after.bucket > input.from ? input.after.bucket : input.from;
  const after = input.after ? [Prisma.sql`${input.after.bucket}::timestamptz`, input.after.platformId, input.after.academyId, input.after.category] : null;
  const rows = await db.$queryRaw<Array<{ bucket: Date; platform_id: string; academy_id: string; category: string; reports: number; reporters: number }>>(
    countRowsQuery(input, Prisma.sql`${from}`, after),
  );
  return rows.map((r) => ({ bucket: r.bucket, platformId: r.platform_id, academyId: r.academy_id, category: r.category, reports: r.reports, reporters: r.reporters }));
}

export type BatchContext = {
  recent: RecentSourceReport[];
  /** Counted distinct reporters per `fingerprint|platform`: device token hash ('' without one) and time (epoch ms). */
  reporters: Map<string, Array<{ device: string; at: number }>>;
  /** Counted reports per `platform|academy` since `countsSince`. */
  counts: Map<string, number>;
};

type ContextRow = {
  kind: 'recent' | 'reporter' | 'count';
  fingerprint: string | null;
  device: string | null;
  platform_id: string;
  academy_id: string | null;
  category: string | null;
  comment: string | null;
  counted: boolean | null;
  created_at: Date | null;
  n: number | null;
};

/**
 * What deciding a batch's counting needs, in one round trip: reports since `recentSince` from these
 * sources or devices or with these comments (each matched on its own index, oldest first, at most
 * 5,000), the distinct reporters these sources had counted since `reportersSince` (the per-address
 * budget), and the counted reports per (platform, académie) pair since `countsSince`.
 */
export async function readBatchContext(
  db: PrismaClient,
  input: {
    recentSince: Date;
    reportersSince: Date;
    countsSince: Date;
    fingerprints: string[];
    deviceHashes: string[];
    comments: string[];
    pairs: Array<{ platformId: string; academyId: string }>;
  },
): Promise<BatchContext> {
  // Every bound and list is read through a scalar subquery, so the planner cannot fold its value into the plan:
  // with the values visible, each batch was planned afresh (a custom plan, empty device and comment lists folded
  // away: about 1 ms of PostgreSQL CPU per batch, more than running it); hidden, the prepared statement settles on
  // its generic plan after five executions (the same indexes, the bounds applied at run time). That plan may be made
  // while the tables are still empty (a fresh database), so every part of it must reach rows through an index.
  const rows = await directQuery<ContextRow>(db, Prisma.sql`
    WITH recent AS (
      SELECT * FROM (
        SELECT id, source_fingerprint, device_token_hash, platform_id, academy_id, category, comment, counted, created_at
        FROM report WHERE created_at >= (SELECT ${input.recentSince}::timestamptz) AND source_fingerprint = ANY((SELECT ${input.fingerprints}::text[])::text[])
        UNION
        SELECT id, source_fingerprint, device_token_hash, platform_id, academy_id, category, comment, counted, created_at
        FROM report WHERE created_at >= (SELECT ${input.recentSince}::timestamptz) AND device_token_hash = ANY((SELECT ${input.deviceHashes}::text[])::text[])
        UNION
        SELECT id, source_fingerprint, device_token_hash, platform_id, academy_id, category, comment, counted, created_at
        FROM report WHERE created_at >= (SELECT ${input.recentSince}::timestamptz) AND comment = ANY((SELECT ${input.comments}::text[])::text[])
      ) r ORDER BY created_at LIMIT 5000
    )
    SELECT 'recent' AS kind, source_fingerprint AS fingerprint, device_token_hash AS device, platform_id, academy_id,
      category, comment, counted, created_at, NULL::int AS n
    FROM recent
    UNION ALL
    SELECT 'reporter', source_fingerprint, device_token_hash, platform_id, NULL::text, NULL::text, NULL::text, NULL::boolean,
      created_at, NULL::int
    FROM report
    WHERE created_at >= (SELECT ${input.reportersSince}::timestamptz) AND source_fingerprint = ANY((SELECT ${input.fingerprints}::text[])::text[]) AND distinct_reporter AND counted
    UNION ALL
    SELECT 'count', NULL::text, NULL::text, p.platform_id, p.academy_id, NULL::text, NULL::text, NULL::boolean, NULL::timestamptz, c.n
    FROM unnest(${input.pairs.map((p) => p.platformId)}::text[], ${input.pairs.map((p) => p.academyId)}::text[]) AS p(platform_id, academy_id)
    -- Per pair through the counters' index: a join planned while report_count was empty kept a sequential scan.
    CROSS JOIN LATERAL (
      SELECT sum(c.reports)::int AS n FROM report_count c
      WHERE c.platform_id = p.platform_id AND c.academy_id = p.academy_id AND c.bucket_start >= (SELECT ${input.countsSince}::timestamptz)
    ) c
    WHERE c.n IS NOT NULL`);
  const context: BatchContext = { recent: [], reporters: new Map(), counts: new Map() };
  for (const row of rows) {
    if (row.kind === 'reporter') addReporter(context.reporters, row);
    else if (row.kind === 'count') context.counts.set(`${row.platform_id}|${row.academy_id}`, row.n ?? 0);
    else context.recent.push(toRecent(row));
  }
  context.recent.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return context;
}

function addReporter(reporters: BatchContext['reporters'], row: ContextRow): void {
  const key = `${row.fingerprint}|${row.platform_id}`;
  const reporter = { device: row.device ?? '', at: row.created_at?.getTime() ?? 0 };
  const list = reporters.get(key);
  if (list) list.push(reporter);
  else reporters.set(key, [reporter]);
}

function toRecent(row: ContextRow): RecentSourceReport {
  return {
    sourceFingerprint: row.fingerprint ?? '',
    deviceTokenHash: row.device,
    platformId: row.platform_id,
    academyId: row.academy_id ?? '',
    category: row.category ?? '',
    comment: row.comment,
    counted: row.counted ?? false,
    createdAt: row.created_at ?? new Date(0),
  };
}

export const COUNT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: 'debut', value: ISO_MS(Prisma.sql`t.bucket`), text: false },
  { name: 'plateforme', value: Prisma.sql`t.platform_id`, text: true },
  { name: 'academie', value: Prisma.sql`t.academy_id`, text: true },
  { name: 'probleme', value: Prisma.sql`t.category`, text: true },
  { name: 'signalements', value: Prisma.sql`t.reports`, text: false },
  { name: 'signalants', value: Prisma.sql`t.reporters`, text: false },
];

/** One page of readCountRows' rows (same filter, order and keyset), written out by PostgreSQL (see export-encoding.ts). */
export function readCountPage(
  reader: PageReader,
  input: { from: Date; to: Date; bucket: CountBucket; platformId?: string | null; academyId?: string | null; category?: string | null; after?: string[] | null; limit: number; encoding: RowEncoding; delimiter: string },
): Promise<BytePage> {
  const [bucket, platformId, academyId, category] = input.after ?? [];
  const from = bucket && Date.parse(bucket) > input.from.getTime() ? Prisma.sql`${bucket}::timestamptz` : Prisma.sql`${input.from}`;
  const rows = countRowsQuery(input, from, input.after ? [Prisma.sql`${bucket}::timestamptz`, platformId, academyId, category] : null);
  const key = ['bucket', 'platform_id', 'academy_id', 'category'];
  const lastKey = Prisma.sql`ARRAY[${ISO_MS(Prisma.sql`bucket`)}, platform_id, academy_id, category]`;
  return reader.readPage(pageQuery({ rows, key, lastKey, columns: COUNT_EXPORT_COLUMNS, encoding: input.encoding, delimiter: input.delimiter }));
}
