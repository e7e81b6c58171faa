// `npm run bench:export`: streamed exports on PostgreSQL. BENCH_EXPORT_REPORTS (default 1 million)
// reports over a year, and a year of 15-minute counts for one service in the 30 académies (1,051,200
// rows); each exported as CSV and GeoJSON by the real route handler in its own process (the server),
// drained by a consumer. Rows/s and peak RSS growth of that process, against the same pages read from
// the database without encoding (baseline, same run). Targets: growth < 100 MB, ≥ 100,000 rows/s.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { prepareDatabase } from '../lib/db/prepare';
import { startPostgres } from './lib/postgres';
import { writeResults, type Row } from './lib/table';

const REPORTS = Number(process.env.BENCH_EXPORT_REPORTS ?? 1_000_000);
const YEAR_FROM = '2023-01-01T00:00:00Z';
const YEAR_TO = '2024-01-01T00:00:00Z';
const MB = 1024 * 1024;
const PLATFORM = 'pronote';

async function fill(url: string): Promise<{ reports: number; counts: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TEMP TABLE pairs AS SELECT row_number() OVER () - 1 AS i, platform_id, academy_id FROM platform_academy`);
  const pairs = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pairs')).rows[0]?.n ?? 1;
  for (let done = 0; done < REPORTS; done += 500_000) {
    await client.query(
      `INSERT INTO report (id, platform_id, academy_id, category, role, comment, comment_state, idempotency_key, counted, distinct_reporter, created_at, updated_at)
       SELECT gen_random_uuid(), p.platform_id, p.academy_id, (ARRAY['login','slow','unreachable','error_page'])[1 + g % 4],
              (ARRAY['parent','pupil','teacher',NULL])[1 + g % 4],
              CASE WHEN g % 50 = 0 THEN 'Commentaire ' || g || ' ; avec "guillemets", virgule' END,
              CASE WHEN g % 100 = 0 THEN 'approved' WHEN g % 50 = 0 THEN 'pending' ELSE 'none' END,
              'bench-export-' || g, true, true, t, t
       FROM generate_series($1::bigint, $2::bigint) AS g
       CROSS JOIN LATERAL (SELECT $4::timestamptz + (g::float8 / $5) * interval '365 days' AS t, (g * 7919) % $3 AS k) x
       JOIN pairs p ON p.i = x.k`,
      [done, Math.min(done + 500_000, REPORTS) - 1, pairs, YEAR_FROM, REPORTS],
    );
  }
  await client.query(
    `INSERT INTO report_category_count (platform_id, category, bucket_start, academy_id, reports, reporters, created_at, updated_at)
     SELECT $1, 'login', b, a.academy_id, 1 + (extract(epoch FROM b)::bigint / 900) % 7, 1 + (extract(epoch FROM b)::bigint / 900) % 5, now(), now()
     FROM generate_series($2::timestamptz, $3::timestamptz - interval '15 minutes', interval '15 minutes') AS b
     CROSS JOIN (SELECT DISTINCT academy_id FROM platform_academy WHERE platform_id = $1) a`,
    [PLATFORM, YEAR_FROM, YEAR_TO],
  );
  await client.query('VACUUM ANALYZE report');
  await client.query('VACUUM ANALYZE report_category_count');
  const reports = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM report')).rows[0]?.n ?? 0;
  const counts = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM report_category_count')).rows[0]?.n ?? 0;
  await client.end();
  return { reports, counts };
}

type Run = { seconds: number; bytes: number; rows: number; rssBefore: number; rssPeak: number };

function runWorker(url: string, kind: string, query: string): Run {
  const out = execFileSync('node', ['--expose-gc', '--import', 'tsx', '--import', './scripts/hooks/register.mjs', 'bench/lib/export-worker.ts', kind, query], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 * MB,
  });
  return JSON.parse(out.toString().trim().split('\n').pop() ?? '{}') as Run;
}

async function main() {
  const cluster = await startPostgres();
  if (!cluster) throw new Error('PostgreSQL 15 not found (set BENCH_DATABASE_URL)');
  try {
    await prepareDatabase({ url: cluster.url, kind: 'postgresql' });
    const filled = await fill(cluster.url);
    console.log(`${filled.reports.toLocaleString('fr-FR')} signalements, ${filled.counts.toLocaleString('fr-FR')} comptages`);
    const datasets = [
      { name: `signalements (${filled.reports.toLocaleString('fr-FR')})`, kind: 'reports', rows: filled.reports, query: `de=${YEAR_FROM}&a=${YEAR_TO}` },
      { name: `comptages 15 min, un an (${filled.counts.toLocaleString('fr-FR')})`, kind: 'counts', rows: filled.counts, query: `de=${YEAR_FROM}&a=${YEAR_TO}&pas=15min&plateforme=${PLATFORM}` },
    ];
    const rows: Row[] = [];
    for (const d of datasets) {
      const raw = runWorker(cluster.url, `raw-${d.kind}`, d.query);
      const rawRate = raw.rows / raw.seconds;
      rows.push({ données: d.name, format: 'lecture seule (référence)', lignes: raw.rows, 's': raw.seconds.toFixed(1), 'lignes/s': Math.round(rawRate), 'Mo écrits': '', 'RSS +Mo (pic)': ((raw.rssPeak - raw.rssBefore) / MB).toFixed(1), 'vs référence': '1.00×', cible: '' });
      for (const format of ['csv', 'geojson']) {
        const run = runWorker(cluster.url, d.kind, `${d.query}&format=${format}`);
        const rate = d.rows / run.seconds;
        const growth = (run.rssPeak - run.rssBefore) / MB;
        rows.push({
          données: d.name,
          format,
          lignes: d.rows,
          's': run.seconds.toFixed(1),
          'lignes/s': Math.round(rate),
          'Mo écrits': (run.bytes / MB).toFixed(0),
          'RSS +Mo (pic)': growth.toFixed(1),
          'vs référence': `${(rate / rawRate).toFixed(2)}×`,
          cible: growth < 100 && rate >= 100_000 ? 'atteinte' : 'manquée',
        });
      }
    }
    writeResults('export', 'Exports en flux sur PostgreSQL 15 : débit et croissance du RSS du processus serveur', rows, { reports: filled.reports, counts: filled.counts });
  } finally {
    cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
