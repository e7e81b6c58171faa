// `npm run bench:series`: the chart series of the platform, académie and incident pages (GET /api/series)
// with BENCH_REPORTS (default 5 million) reports stored over eight weeks, on PostgreSQL. For each scope and
// window: the counter read alone (baseline, same run) against the whole series (counters + stored baselines +
// expected level and usual range per bucket), warm p50/p99 over repeated calls, and the JSON size.
import pg from 'pg';
import { createPrismaClient } from '../lib/db/create-client';
import { readReporterCounts } from '../lib/db/detection';
import { saveBaselines } from '../lib/db/series';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { readBucketedReporters } from '../lib/db/series';
import { createGridProvider, fallbackPlatformBaselines, learnPlatformBaselines } from '../lib/detect/platform-baseline';
import type { PrismaClient } from '../lib/db/types';
import { readSeries, type SeriesQuery } from '../lib/series/read-series';
import { alignWindow, presetWindow } from '../lib/series/window';
import { startPostgres } from './lib/postgres';
import { writeResults, type Row } from './lib/table';
import { percentile, time } from './lib/stats';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 5_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DAY = 86_400_000;

async function fill(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Reports over the eight weeks before now, on served platform × académie pairs, busier in school hours (UTC 6–16).
  await client.query(`CREATE TEMP TABLE pairs AS SELECT row_number() OVER () - 1 AS i, platform_id, academy_id FROM platform_academy`);
  const pairs = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pairs')).rows[0]?.n ?? 1;
  for (let done = 0; done < REPORTS; done += 1_000_000) {
    await client.query(
      `INSERT INTO report (id, platform_id, academy_id, category, idempotency_key, counted, distinct_reporter, created_at, updated_at)
       SELECT gen_random_uuid(), p.platform_id, p.academy_id, 'login', 'bench-series-' || g, true, true, t, t
       FROM generate_series($1::bigint, $2::bigint) AS g
       CROSS JOIN LATERAL (SELECT date_trunc('day', now()) - floor(random() * 56) * interval '1 day'
         + (CASE WHEN random() < 0.8 THEN 6 + random() * 10 ELSE random() * 24 END) * interval '1 hour' AS t, (g * 7919) % $3 AS k) x
       JOIN pairs p ON p.i = x.k`,
      [done, Math.min(done + 1_000_000, REPORTS) - 1, pairs],
    );
    process.stdout.write(`\r${Math.min(done + 1_000_000, REPORTS).toLocaleString('fr-FR')} signalements`);
  }
  await client.query(
    `INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
     SELECT platform_id, academy_id, date_trunc('minute', created_at), count(*), count(*), now(), now() FROM report GROUP BY 1, 2, 3`,
  );
  await client.query('VACUUM ANALYZE report_count');
  await client.end();
}

/** Learned baselines for the measured platform, same-sized fallback models for the others. */
async function storeBaselines(db: PrismaClient, learned: string): Promise<void> {
  const now = Date.now();
  const to = new Date(now - (now % DAY));
  const from = new Date(to.getTime() - 56 * DAY);
  const platforms = await db.platform.findMany({ include: { academies: true } });
  for (const platform of platforms) {
    const academies = platform.academies.map((a) => a.academyId);
    if (academies.length === 0) continue;
    let baselines;
    if (platform.id === learned) {
      const counts = (await readReporterCounts(db, { from, to, platformIds: [platform.id] })).get(platform.id) ?? new Map();
      const histories = academies.map((academyId) => ({
        academyId,
        history: { t0: from.getTime(), bucketMs: 60_000, counts: counts.get(academyId) ?? new Float64Array(56 * 1440) },
      }));
      baselines = learnPlatformBaselines({ histories, grids: createGridProvider() });
    } else {
      baselines = fallbackPlatformBaselines(academies);
    }
    await saveBaselines(db, platform.id, baselines, new Date(now));
  }
}

async function measure(db: PrismaClient, query: SeriesQuery): Promise<Row> {
  const { window } = query;
  const countersOnly = () =>
    readBucketedReporters(db, { from: new Date(window.from), to: new Date(window.to), bucketMinutes: window.bucketMinutes, platformId: query.platformId, academyId: query.academyId });
  await countersOnly();
  const payload = await readSeries(db, query);
  const base: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    base.push(await time(countersOnly));
    full.push(await time(() => readSeries(db, query)));
  }
  return {
    'counters p50 ms (baseline)': percentile(base, 50).toFixed(1),
    'counters p99 ms': percentile(base, 99).toFixed(1),
    'series p50 ms': percentile(full, 50).toFixed(1),
    'series p99 ms': percentile(full, 99).toFixed(1),
    'vs baseline (p50)': `${(percentile(full, 50) / Math.max(0.01, percentile(base, 50))).toFixed(2)}×`,
    buckets: payload.t.length,
    'JSON KB': (JSON.stringify(payload).length / 1024).toFixed(1),
  };
}

async function main() {
  const server = await startPostgres();
  if (!server) throw new Error('PostgreSQL 15 introuvable (installez postgresql-15 ou définissez BENCH_DATABASE_URL)');
  try {
    await prepareDatabase({ url: server.url, kind: 'postgresql' });
    await fill(server.url);
    const db = createPrismaClient({ url: server.url, kind: 'postgresql', timeoutMs: 120_000 });
    await storeBaselines(db, 'pronote');
    const now = Date.now();
    const windows = [
      ['3 h', presetWindow('3h', now)],
      ['24 h', presetWindow('24h', now)],
      ['7 days', presetWindow('7j', now)],
      ['31 days', alignWindow(now - 31 * DAY, now)],
    ] as const;
    const scopes = [
      ['platform pronote (30 académies)', 'pronote', null],
      ['académie créteil (all platforms)', null, 'creteil'],
      ['pronote in créteil', 'pronote', 'creteil'],
    ] as const;
    const rows: Row[] = [];
    for (const [scope, platformId, academyId] of scopes) {
      for (const [label, window] of windows) {
        rows.push({ scope, window: label, ...(await measure(db, { platformId, academyId, window })) });
        process.stdout.write('.');
      }
    }
    await db.$disconnect();
    writeResults('series', `Chart series (GET /api/series) with ${REPORTS.toLocaleString('en')} reports over 8 weeks (PostgreSQL 15, Prisma client, ${RUNS} warm runs)`, rows);
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
