// `npm run bench:category`: how to serve the map's category filter. (A) per-category minute counters
// (report_category_count, kept by the ingest statement) against (B) grouping `report` rows through an
// index on (category, created_at), plain or covering; for the state's two reads (30-minute window,
// 3-hour sparkline) with 3.5 hours of reports at BENCH_RATE (default 100) reports/s on PostgreSQL 15;
// and what A adds to ingest: the batch statement with and without the per-category counters.
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { createPrismaClient } from '../lib/db/create-client';
import { readSparklineBuckets, readWindowCounts } from '../lib/db/map-state';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { insertReportBatch, type NewReportRow } from '../lib/db/reports';
import type { PrismaClient } from '../lib/db/types';
import { sparklineFrom, windowFrom } from '../lib/map-state/window';
import { startPostgres } from './lib/postgres';
import { writeResults, type Row } from './lib/table';
import { percentile } from './lib/stats';

const RATE = Number(process.env.BENCH_RATE ?? 100);
const RUNS = 50;
const BATCHES = 200;

async function timed(fn: () => Promise<unknown>, runs = RUNS): Promise<{ p50: number; p99: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

async function fill(client: pg.Client, to: Date): Promise<number> {
  const seconds = 210 * 60;
  await client.query(`CREATE TEMP TABLE pairs AS SELECT row_number() OVER () - 1 AS i, platform_id, academy_id FROM platform_academy`);
  await client.query(
    `INSERT INTO report (id, platform_id, academy_id, category, idempotency_key, counted, distinct_reporter, created_at, updated_at)
     SELECT gen_random_uuid(), p.platform_id, p.academy_id, (ARRAY['unreachable','login','slow','error_page','feature_homework',
       'feature_messages','feature_marks','feature_visio','feature_documents','other'])[1 + (g * 31) % 10],
       'bench-' || g, random() < 0.95, random() < 0.8, x.t, x.t
     FROM generate_series(1, $1::bigint) AS g
     CROSS JOIN LATERAL (SELECT $2::timestamptz - (g::float8 / $3) * interval '1 second' AS t, (g * 7919) % (SELECT count(*) FROM pairs) AS k) x
     JOIN pairs p ON p.i = x.k`,
    [Math.round(seconds * RATE), to, RATE],
  );
  await client.query(`INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
    SELECT platform_id, academy_id, date_trunc('minute', created_at), count(*), count(*) FILTER (WHERE distinct_reporter), now(), now()
    FROM report WHERE counted GROUP BY 1, 2, 3`);
  await client.query(`INSERT INTO report_category_count (platform_id, category, bucket_start, academy_id, reports, reporters, created_at, updated_at)
    SELECT platform_id, category, date_trunc('minute', created_at), academy_id, count(*), count(*) FILTER (WHERE distinct_reporter), now(), now()
    FROM report WHERE counted GROUP BY 1, 2, 3, 4`);
  await client.query('VACUUM ANALYZE');
  return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM report')).rows[0]?.n ?? 0);
}

/** Option B: the state's two reads grouped from `report` (bucketed on created_at, which favours B). */
function readFromReports(client: pg.Client, at: Date, category: string) {
  const from = windowFrom(at);
  const spark = sparklineFrom(at);
  return Promise.all([
    client.query(
      `SELECT platform_id, academy_id, count(*)::int, (count(*) FILTER (WHERE distinct_reporter))::int FROM report
       WHERE category = $1 AND counted AND created_at >= $2 AND created_at < $3 GROUP BY 1, 2`,
      [category, from, at],
    ),
    client.query(
      `SELECT platform_id, floor(extract(epoch FROM created_at - $2::timestamptz) / 300)::int, (count(*) FILTER (WHERE distinct_reporter))::int
       FROM report WHERE category = $1 AND counted AND created_at >= $2 AND created_at < $3 GROUP BY 1, 2`,
      [category, spark, at],
    ),
  ]);
}

function batch(now: number): NewReportRow[] {
  return Array.from({ length: 200 }, (_, i) => ({
    id: randomUUID(), platformId: 'pronote', academyId: ['paris', 'lille', 'lyon', 'nantes'][i % 4] ?? 'paris',
    category: ['login', 'slow', 'unreachable'][i % 3] ?? 'login', role: null, comment: null, observedAt: null, idempotencyKey: randomUUID(),
    sourceFingerprint: randomUUID(), deviceTokenHash: null, networkFingerprint: randomUUID(), counted: true, distinctReporter: i % 2 === 0, flagReason: null, createdAt: new Date(now),
  }));
}

/** The ingest statement as it was before the per-category counters (the comparison's baseline). */
async function insertWithoutCategories(db: PrismaClient, rows: NewReportRow[]): Promise<void> {
  await db.$queryRaw`
    WITH ins AS (
      INSERT INTO report (id, platform_id, academy_id, category, idempotency_key, source_fingerprint, counted, distinct_reporter, moderation_state, created_at, updated_at)
      SELECT r.id, r.platform_id, r.academy_id, r.category, r.idempotency_key, r.source_fingerprint, r.counted, r.distinct_reporter, 'visible', r.created_at, r.created_at
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.platformId)}::text[], ${rows.map((r) => r.academyId)}::text[],
        ${rows.map((r) => r.category)}::text[], ${rows.map((r) => r.idempotencyKey)}::text[], ${rows.map((r) => r.sourceFingerprint)}::text[],
        ${rows.map((r) => r.counted)}::boolean[], ${rows.map((r) => r.distinctReporter)}::boolean[], ${rows.map((r) => r.createdAt)}::timestamptz[])
        AS r(id, platform_id, academy_id, category, idempotency_key, source_fingerprint, counted, distinct_reporter, created_at)
      RETURNING platform_id, academy_id, counted, distinct_reporter, date_trunc('minute', created_at) AS bucket_start
    ), counted AS (
      INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
      SELECT platform_id, academy_id, bucket_start, count(*)::int, (count(*) FILTER (WHERE distinct_reporter))::int, now(), now()
      FROM ins WHERE counted GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (platform_id, academy_id, bucket_start) DO UPDATE
      SET reports = report_count.reports + EXCLUDED.reports, reporters = report_count.reporters + EXCLUDED.reporters, updated_at = now()
    )
    SELECT count(*)::int FROM ins`;
}

async function main() {
  const server = await startPostgres();
  if (!server) throw new Error('PostgreSQL 15 introuvable (installez postgresql-15 ou définissez BENCH_DATABASE_URL)');
  try {
    await prepareDatabase({ url: server.url, kind: 'postgresql' });
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const at = new Date(Date.now() - (Date.now() % 60_000));
    const reports = await fill(client, at);
    console.log(`${reports.toLocaleString('fr-FR')} signalements sur 3 h 30`);
    const db = createPrismaClient({ url: server.url, kind: 'postgresql', timeoutMs: 60_000 });
    const out: Row[] = [];
    const add = (option: string, read: string, t: { p50: number; p99: number }) => out.push({ option, read, 'p50 ms': t.p50.toFixed(2), 'p99 ms': t.p99.toFixed(2) });
    const counters = (category: string) => Promise.all([
      readWindowCounts(db, { at, from: windowFrom(at), category: category as 'login' }),
      readSparklineBuckets(db, { at, from: sparklineFrom(at), category: category as 'login', bucketMinutes: 5 }),
    ]);
    add('A: report_category_count', 'window + sparkline, one category', await timed(() => counters('login')));
    await client.query('CREATE INDEX bench_report_category ON report (category, created_at)');
    await client.query('ANALYZE report');
    add('B: report (category, created_at)', 'window + sparkline, one category', await timed(() => readFromReports(client, at, 'login')));
    await client.query('DROP INDEX bench_report_category');
    await client.query('CREATE INDEX bench_report_category ON report (category, created_at) INCLUDE (platform_id, academy_id, counted, distinct_reporter)');
    await client.query('VACUUM ANALYZE report');
    add('B: covering index', 'window + sparkline, one category', await timed(() => readFromReports(client, at, 'login')));
    await client.query('DROP INDEX bench_report_category');
    const now = Date.now();
    add('ingest without category counters', 'batch of 200 reports', await timed(() => insertWithoutCategories(db, batch(now)), BATCHES));
    add('ingest with category counters (A)', 'batch of 200 reports', await timed(() => insertReportBatch(db, batch(now)), BATCHES));
    await db.$disconnect();
    await client.end();
    writeResults('category-filter', `Category filter on the map: counters vs grouping reports (${reports.toLocaleString('en')} reports over 3.5 h, PostgreSQL 15)`, out);
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
