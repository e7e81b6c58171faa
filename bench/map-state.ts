// `npm run bench:state`: reading the current state of the 30 académies (one platform, and all
// platforms) with BENCH_REPORTS (default 10 million) reports stored over eight weeks, on PostgreSQL.
// Cold = first query after a server restart (empty shared buffers), connection included; warm = p50/p99 over repeated queries.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { readAreaState } from '../lib/db/aggregates';
import { createPrismaClient } from '../lib/db/create-client';
import { prepareDatabase } from '../lib/db/prepare';
import { startPostgres } from './lib/postgres';
import { writeResults, type Row } from './lib/table';
import { percentile, time } from './lib/stats';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 10_000_000);
const WARM_RUNS = 200;

async function fill(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Reports spread over the 8 weeks before now, over served platform × académie pairs.
  await client.query(`CREATE TEMP TABLE pairs AS SELECT row_number() OVER () - 1 AS i, platform_id, academy_id FROM platform_academy`);
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pairs');
  const pairs = rows[0]?.n ?? 1;
  const chunk = 1_000_000;
  for (let done = 0; done < REPORTS; done += chunk) {
    await client.query(
      `INSERT INTO report (id, platform_id, academy_id, category, idempotency_key, counted, distinct_reporter, created_at, updated_at)
       SELECT gen_random_uuid(), p.platform_id, p.academy_id, 'login', 'bench-' || g, true, true, t, t
       FROM generate_series($1::bigint, $2::bigint) AS g
       CROSS JOIN LATERAL (SELECT now() - random() * interval '56 days' AS t, (g * 7919) % $3 AS k) x
       JOIN pairs p ON p.i = x.k`,
      [done, Math.min(done + chunk, REPORTS) - 1, pairs],
    );
    process.stdout.write(`\r${Math.min(done + chunk, REPORTS).toLocaleString('fr-FR')} signalements`);
  }
  await client.query(
    `INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
     SELECT platform_id, academy_id, date_trunc('minute', created_at), count(*), count(*), now(), now()
     FROM report GROUP BY 1, 2, 3
     ON CONFLICT (platform_id, academy_id, bucket_start) DO UPDATE SET reports = EXCLUDED.reports, reporters = EXCLUDED.reporters`,
  );
  await client.query('VACUUM ANALYZE report_count');
  const counts = await client.query<{ r: number; c: number }>('SELECT (SELECT count(*) FROM report)::int AS r, (SELECT count(*) FROM report_count)::int AS c');
  console.log(`\n${counts.rows[0]?.r} signalements, ${counts.rows[0]?.c} compteurs par minute`);
  await client.end();
}

async function main() {
  const server = await startPostgres();
  if (!server) throw new Error('PostgreSQL 15 introuvable (installez postgresql-15 ou définissez BENCH_DATABASE_URL)');
  try {
    await prepareDatabase({ url: server.url, kind: 'postgresql' });
    await fill(server.url);
    const at = new Date();
    const rows: Row[] = [];
    for (const [label, platformId] of [['one platform (pronote), 30 académies', 'pronote'], ['all platforms × académies', undefined]] as const) {
      server.restart?.();
      const db = createPrismaClient({ url: server.url, kind: 'postgresql', timeoutMs: 60_000 });
      const cold = await time(() => readAreaState(db, { at, windowMinutes: 30, platformId }));
      const warm: number[] = [];
      for (let i = 0; i < WARM_RUNS; i += 1) warm.push(await time(() => readAreaState(db, { at, windowMinutes: 30, platformId })));
      const areas = (await readAreaState(db, { at, windowMinutes: 30, platformId })).length;
      rows.push({ query: label, 'areas returned': areas, 'cold ms (incl. connect)': cold.toFixed(1), 'warm p50 ms': percentile(warm, 50).toFixed(2), 'warm p99 ms': percentile(warm, 99).toFixed(2) });
      await db.$disconnect();
    }
    writeResults('map-state', `Current state of the académies, last 30 minutes, with ${REPORTS.toLocaleString('en')} reports stored (PostgreSQL 15, Prisma client)`, rows);
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
