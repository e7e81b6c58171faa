// Bench data for `npm run bench:export`: `reports` reports spread over a year across the catalogue's
// (service, académie) pairs, 1 in 100 with an approved comment (with quotes and separators), and a year of
// 15-minute counts for one service in each of its académies.
import pg from 'pg';

export const YEAR_FROM = '2023-01-01T00:00:00Z';
export const YEAR_TO = '2024-01-01T00:00:00Z';
export const PLATFORM = 'pronote';

export async function fillExportData(url: string, reportCount: number): Promise<{ reports: number; counts: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A BENCH_DATABASE_URL filled by an earlier run is measured as it is (filling takes minutes on a loaded machine).
  const present = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM report WHERE idempotency_key = 'bench-export-0'`)).rows[0]?.n ?? 0;
  if (present > 0) return totals(client);
  await client.query(`CREATE TEMP TABLE pairs AS SELECT row_number() OVER () - 1 AS i, platform_id, academy_id FROM platform_academy`);
  const pairs = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pairs')).rows[0]?.n ?? 1;
  for (let done = 0; done < reportCount; done += 500_000) {
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
      [done, Math.min(done + 500_000, reportCount) - 1, pairs, YEAR_FROM, reportCount],
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
  return totals(client);
}

async function totals(client: pg.Client): Promise<{ reports: number; counts: number }> {
  const reports = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM report')).rows[0]?.n ?? 0;
  const counts = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM report_category_count')).rows[0]?.n ?? 0;
  await client.end();
  return { reports, counts };
}
