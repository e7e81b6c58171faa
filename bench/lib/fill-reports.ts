import pg from 'pg';

/**
 * Inserts `reports` counted reports spread over the 8 weeks before now, over served (platform, académie)
 * pairs, and their per-minute counters. The bulk load drops report's indexes and primary key and pauses its
 * user triggers (the audit ledger), then rebuilds the indexes: the benches measure reads, not this load.
 */
export async function fillReports(url: string, reports: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET synchronous_commit = off`);
  await client.query(`CREATE TEMP TABLE pairs AS SELECT row_number() OVER () - 1 AS i, platform_id, academy_id FROM platform_academy`);
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pairs');
  const pairs = rows[0]?.n ?? 1;
  const primary = await client.query<{ name: string; def: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'report'::regclass AND contype = 'p'`,
  );
  for (const key of primary.rows) await client.query(`ALTER TABLE report DROP CONSTRAINT "${key.name}"`);
  const indexes = await client.query<{ name: string; def: string }>(`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'report'`);
  for (const index of indexes.rows) await client.query(`DROP INDEX "${index.name}"`);
  await client.query('ALTER TABLE report DISABLE TRIGGER USER');
  const chunk = 1_000_000;
  for (let done = 0; done < reports; done += chunk) {
    await client.query(
      `INSERT INTO report (id, platform_id, academy_id, category, idempotency_key, counted, distinct_reporter, created_at, updated_at)
       SELECT gen_random_uuid(), p.platform_id, p.academy_id, 'login', 'bench-' || g, true, true, t, t
       FROM generate_series($1::bigint, $2::bigint) AS g
       CROSS JOIN LATERAL (SELECT now() - random() * interval '56 days' AS t, (g * 7919) % $3 AS k) x
       JOIN pairs p ON p.i = x.k`,
      [done, Math.min(done + chunk, reports) - 1, pairs],
    );
    process.stdout.write(`\r${Math.min(done + chunk, reports).toLocaleString('fr-FR')} signalements`);
  }
  await client.query('ALTER TABLE report ENABLE TRIGGER USER');
  await client.query(`SET maintenance_work_mem = '256MB'`);
  for (const key of primary.rows) await client.query(`ALTER TABLE report ADD CONSTRAINT "${key.name}" ${key.def}`);
  for (const index of indexes.rows) await client.query(index.def);
  await client.query(
    `INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
     SELECT platform_id, academy_id, date_trunc('minute', created_at), count(*), count(*), now(), now()
     FROM report GROUP BY 1, 2, 3
     ON CONFLICT (platform_id, academy_id, bucket_start) DO UPDATE SET reports = EXCLUDED.reports, reporters = EXCLUDED.reporters`,
  );
  await client.query('VACUUM ANALYZE report');
  await client.query('VACUUM ANALYZE report_count');
  const counts = await client.query<{ r: number; c: number }>('SELECT (SELECT count(*) FROM report)::int AS r, (SELECT count(*) FROM report_count)::int AS c');
  console.log(`\n${counts.rows[0]?.r} signalements, ${counts.rows[0]?.c} compteurs par minute`);
  await client.end();
}

/** Reports already stored (a kept BENCH_DATABASE_URL filled by an earlier run). */
export async function countReports(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM report WHERE idempotency_key LIKE 'bench-%'`);
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}
