import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { applyMigrations } from '@/lib/db/migrate/apply';
import { listMigrations } from '@/lib/db/migrate/migrations';
import { MIGRATIONS_DIR } from '@/lib/db/migrations-dir';
import { connectExecutor } from '@/lib/db/pg-executor';
import { listReportPartitionMonths } from '@/lib/db/report-partitions';
import { findReportsByKeys, insertReportBatch } from '@/lib/db/reports';
import { seedReferenceData } from '@/lib/setup/reference-data';
import { monthOf, addMonths } from '@/lib/domain/report-partitions';
import { publishDueDigests } from '@/lib/evidence/publish';
import { keyFromSeed } from '@/lib/evidence/signing-key';
import { verifyLedger } from '@/lib/evidence/verify-ledger';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { freshDatabase } from '../../helpers/fresh-database';
import { reportRow } from '../../helpers/factories';

// A database at the head before partitioning, holding reports of three months, then migrated forward.
const PARTITIONING = '20261208100000_partition_report';
const files = listMigrations(MIGRATIONS_DIR);
const key = keyFromSeed(Buffer.alloc(32, 5).toString('base64'));
const now = new Date();
const months = [new Date('2021-04-06T07:15:00Z'), new Date('2026-11-30T23:59:59.999Z'), new Date(now.getTime() - 60_000)];

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let executor: Awaited<ReturnType<typeof connectExecutor>>;
let db: PrismaClient;
const keys: string[] = [];
let before: { rows: string; counts: string; ledger: number };

async function snapshot(): Promise<typeof before> {
  const [rows] = await executor.query<{ digest: string }>(
    `SELECT md5(string_agg(r::text, '|' ORDER BY r.id)) AS digest FROM (SELECT id, platform_id, academy_id, category, role, comment,
       comment_state, observed_at, idempotency_key, source_fingerprint, device_token_hash, counted, distinct_reporter, flag_reason,
       moderation_state, created_at, updated_at, network_fingerprint, comment_key FROM report) r`,
  );
  const [counts] = await executor.query<{ digest: string }>(
    `SELECT md5(string_agg(c::text, '|' ORDER BY c.platform_id, c.academy_id, c.bucket_start)) AS digest FROM report_count c`,
  );
  const [ledger] = await executor.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'report'`);
  return { rows: rows!.digest, counts: counts!.digest, ledger: ledger!.n };
}

beforeAll(async () => {
  fresh = await freshDatabase();
  executor = await connectExecutor(fresh.url);
  await applyMigrations(executor, files.filter((f) => f.name < PARTITIONING));
  db = createPrismaClient({ url: fresh.url, kind: fresh.kind, timeoutMs: 120_000 });
  await seedReferenceData(db);
  // The ingest statement of the previous head: report rows (its ledger trigger writes the entries) and minute counters.
  for (const at of months) {
    for (let i = 0; i < 40; i++) {
      const r = reportRow({ createdAt: new Date(at.getTime() - i * 1000), platformId: 'pronote', academyId: i % 2 ? 'lille' : 'paris', comment: i % 5 ? null : `panne ${i}` });
      keys.push(r.idempotencyKey);
      await executor.query(
        `INSERT INTO report (id, platform_id, academy_id, category, comment, comment_state, idempotency_key, source_fingerprint, counted, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $9)`,
        [r.id, r.platformId, r.academyId, r.category, r.comment, r.comment ? 'pending' : 'none', r.idempotencyKey, r.sourceFingerprint, r.createdAt],
      );
      await executor.query(
        `INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
         VALUES ($1, $2, date_trunc('minute', $3::timestamptz), 1, 1, now(), now())
         ON CONFLICT (platform_id, academy_id, bucket_start) DO UPDATE SET reports = report_count.reports + 1`,
        [r.platformId, r.academyId, r.createdAt],
      );
    }
  }
  await publishDueDigests({ db, key, now });
  before = await snapshot();
  await applyMigrations(executor, files);
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await executor?.close();
  await fresh?.drop();
});

describe('partitioning migration on a database with reports', () => {
  test('report is partitioned by range of created_at, one partition per month with reports, plus months ahead and a default', async () => {
    const [kind] = await executor.query<{ strategy: string; key: string }>(
      `SELECT p.partstrat AS strategy, pg_get_partkeydef('report'::regclass) AS key FROM pg_partitioned_table p WHERE p.partrelid = 'report'::regclass`,
    );
    expect(kind).toEqual({ strategy: 'r', key: 'RANGE (created_at)' });
    const current = monthOf(now);
    expect(await listReportPartitionMonths(db)).toEqual(
      expect.arrayContaining(['2021-04', '2026-11', current, addMonths(current, 1), addMonths(current, 2)]),
    );
    const [inDefault] = await executor.query<{ n: number }>('SELECT count(*)::int AS n FROM report_default');
    expect(inDefault!.n).toBe(0);
  });

  test('keeps every row, every counter and every ledger entry, and the ledger still verifies', async () => {
    expect(await snapshot()).toEqual(before);
    expect(before.ledger).toBe(120);
    const { problems, entries } = await verifyLedger(db, key.publicKeyHex);
    expect(problems).toEqual([]);
    expect(entries).toBe(120);
  });

  test('primary key (id, created_at), the indexes and the triggers are back on the partitioned table', async () => {
    const indexes = await executor.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'report' ORDER BY 1`);
    expect(indexes.map((i) => i.name)).toEqual([
      'report_academy_id_created_at_idx', 'report_comment_created_at_idx', 'report_comment_state_comment_key_idx',
      'report_comment_state_created_at_idx', 'report_created_at_idx', 'report_device_token_hash_created_at_idx',
      'report_flagged_unreviewed_idx', 'report_hidden_idx', 'report_pending_comment_idx', 'report_pkey',
      'report_platform_id_academy_id_created_at_idx', 'report_source_fingerprint_created_at_idx', 'report_unkeyed_comment_idx',
    ]);
    const [pk] = await executor.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'report_pkey'`);
    expect(pk!.def).toBe('PRIMARY KEY (id, created_at)');
    const triggers = await executor.query<{ name: string }>(`SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'report'::regclass AND NOT tgisinternal ORDER BY 1`);
    expect(triggers.map((t) => t.name)).toEqual(['report_key_delete', 'report_key_insert', 'report_ledger_insert', 'report_ledger_update']);
    const foreign = await executor.query<{ name: string }>(`SELECT conname AS name FROM pg_constraint WHERE conrelid = 'report'::regclass AND contype = 'f' ORDER BY 1`);
    expect(foreign.map((f) => f.name)).toEqual(['report_academy_id_fkey', 'report_platform_id_fkey']);
    await expect(executor.query(`INSERT INTO report (id, platform_id, academy_id, category, idempotency_key, updated_at) VALUES (gen_random_uuid(), 'nope', 'paris', 'login', 'fk-check', now())`)).rejects.toThrow();
  });

  test('a key stored before the migration still yields the same report, stored once', async () => {
    const [old] = await findReportsByKeys(db, [keys[0]!]);
    expect(old?.idempotencyKey).toBe(keys[0]);
    const retry = reportRow({ createdAt: now, platformId: 'pronote', academyId: 'paris', idempotencyKey: keys[0]! });
    expect(await insertReportBatch(db, [retry])).toEqual([]);
    expect((await findReportsByKeys(db, [keys[0]!]))[0]?.id).toBe(old?.id);
    const [stored] = await executor.query<{ n: number }>('SELECT count(*)::int AS n FROM report WHERE idempotency_key = $1', [keys[0]]);
    expect(stored!.n).toBe(1);
  });

  test('new reports go to their month, with their ledger entries and keys; a moderation update still enters the ledger', async () => {
    const row = reportRow({ createdAt: now, platformId: 'pronote', academyId: 'lille' });
    expect(await insertReportBatch(db, [row, { ...row, id: reportRow({ createdAt: now, platformId: 'pronote', academyId: 'lille' }).id }])).toHaveLength(1);
    const [where] = await executor.query<{ part: string }>('SELECT tableoid::regclass::text AS part FROM report WHERE id = $1', [row.id]);
    expect(where!.part).toBe(`report_${monthOf(now).replace('-', '_')}`);
    await executor.query(`UPDATE report SET moderation_state = 'hidden', counted = false WHERE id = $1`, [row.id]);
    const entries = await executor.query<{ kind: string }>(`SELECT kind FROM ledger_entry WHERE ref_id = $1 ORDER BY seq`, [row.id]);
    expect(entries.map((e) => e.kind)).toEqual(['report', 'moderation']);
    expect((await verifyLedger(db, key.publicKeyHex)).problems).toEqual([]);
  });
});
