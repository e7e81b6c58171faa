// The bench's surge: `pending` comments (20 sentences with variants, so 20 groups) among twice as many
// reports, spread over every served platform × académie, 0.8 s apart; minute counters rebuilt from them.
import type pg from 'pg';
import { SENTENCES } from '../../tests/fixtures/comment-sentences';


export async function fillModerationSurge(client: pg.Client, now: Date, pending: number): Promise<void> {
  await client.query(`CREATE TEMP TABLE pairs AS SELECT row_number() OVER () - 1 AS i, platform_id, academy_id FROM platform_academy`);
  await client.query(`CREATE TEMP TABLE sentences AS SELECT ordinality - 1 AS i, s FROM unnest($1::text[]) WITH ORDINALITY AS s`, [SENTENCES]);
  const insert = (withComment: boolean, n: number, offset: number) =>
    client.query(
      `INSERT INTO report (id, platform_id, academy_id, category, role, comment, comment_state, idempotency_key, source_fingerprint,
         counted, distinct_reporter, flag_reason, created_at, updated_at)
       SELECT gen_random_uuid(), p.platform_id, p.academy_id,
         (ARRAY['unreachable','login','slow','error_page','feature_homework','feature_messages','feature_marks','feature_visio','feature_documents','other'])[1 + (g * 31) % 10],
         (ARRAY['parent','pupil','teacher','other'])[1 + g % 4],
         CASE WHEN $3 THEN (CASE g % 3 WHEN 0 THEN upper(s.s) WHEN 1 THEN s.s || ' !!' ELSE s.s END) END,
         CASE WHEN $3 THEN 'pending' ELSE 'none' END, 'bench-' || ($4 + g), md5((g % 40000)::text),
         g % 17 <> 0, g % 5 <> 0, CASE WHEN g % 17 = 0 THEN 'flood' END, x.t, x.t
       FROM generate_series(1, $1::bigint) AS g
       CROSS JOIN LATERAL (SELECT $2::timestamptz - (g * interval '0.8 second') AS t, (g * 7919) % (SELECT count(*) FROM pairs) AS k) x
       JOIN pairs p ON p.i = x.k JOIN sentences s ON s.i = g % 20`,
      [n, now, withComment, offset],
    );
  await insert(true, pending, 0);
  await insert(false, pending, pending);
  await client.query(`INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
    SELECT platform_id, academy_id, date_trunc('minute', created_at), count(*), count(*) FILTER (WHERE distinct_reporter), now(), now()
    FROM report WHERE counted GROUP BY 1, 2, 3`);
  await client.query('VACUUM ANALYZE');
}

