import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyAuditLog } from '@/lib/db/audit';
import { listReportPartitionMonths } from '@/lib/db/report-partitions';
import { findReportsByKeys, insertReportBatch } from '@/lib/db/reports';
import { addMonths, monthOf } from '@/lib/domain/report-partitions';
import { publishDueDigests } from '@/lib/evidence/publish';
import { keyFromSeed } from '@/lib/evidence/signing-key';
import { verifyLedger } from '@/lib/evidence/verify-ledger';
import { parseCsv } from '@/lib/export/csv';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { maintainReportPartitions, reportPartitionsJob } from '@/lib/jobs/report-partitions';
import { preparedDatabase } from '../../helpers/fresh-database';
import { reportRow } from '../../helpers/factories';

const key = keyFromSeed(Buffer.alloc(32, 7).toString('base64'));
let db: PrismaClient;
let database: Awaited<ReturnType<typeof preparedDatabase>> | undefined;
let archiveDir: string;

beforeAll(async () => {
  database = await preparedDatabase();
  db = database.db;
  archiveDir = await mkdtemp(path.join(os.tmpdir(), 'report-archive-'));
}, 120_000);

afterAll(async () => {
  await database?.close();
  await rm(archiveDir, { recursive: true, force: true });
});

const april = (i: number) => new Date(Date.UTC(2021, 3, 6, 7, 0, i));
const count = async (sql: string) => Number((await db.$queryRawUnsafe<Array<{ n: number }>>(sql))[0]!.n);

describe('report-partitions job', () => {
  test('a month without partition lands in the default partition; the job gives it one and moves its rows', async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      reportRow({ createdAt: april(i), platformId: 'pronote', academyId: i % 2 ? 'lille' : 'paris', comment: i === 3 ? 'Page "blanche", encore' : i === 4 ? '' : null }),
    );
    expect(await insertReportBatch(db, rows)).toHaveLength(30);
    expect(await count('SELECT count(*)::int AS n FROM report_default')).toBe(30);
    const run = await maintainReportPartitions(db, { retentionMonths: null, archiveDir }, new Date());
    expect(run.created).toEqual(['2021-04']);
    expect(run.archived).toEqual([]);
    expect(await count('SELECT count(*)::int AS n FROM report_default')).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM report_2021_04')).toBe(30);
    // Moving rows between partitions wrote no second ledger entry and kept the keys.
    expect(await count(`SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'report'`)).toBe(30);
    expect(await findReportsByKeys(db, [rows[0]!.idempotencyKey])).toEqual([expect.objectContaining({ id: rows[0]!.id })]);
    expect(await insertReportBatch(db, [{ ...rows[0]!, id: reportRow({ createdAt: april(0), platformId: 'pronote', academyId: 'paris' }).id }])).toEqual([]);
  });

  test('creates the months ahead once (a second run has nothing to do)', async () => {
    const now = new Date();
    const months = await listReportPartitionMonths(db);
    expect(months).toEqual(expect.arrayContaining([monthOf(now), addMonths(monthOf(now), 1), addMonths(monthOf(now), 2)]));
    const later = addMonths(monthOf(now), 5);
    const run = await reportPartitionsJob(db, { retentionMonths: null, archiveDir, aheadMonths: 5 }).run(now);
    expect(run).toMatchObject({ created: [addMonths(monthOf(now), 3), addMonths(monthOf(now), 4), later], archived: [] });
    expect(await maintainReportPartitions(db, { retentionMonths: null, archiveDir, aheadMonths: 5 }, now)).toEqual({ created: [], archived: [], skipped: [] });
  });

  test('archives a month past the retention: gzip CSV with its SHA-256 in report_archive and the audit journal, then drops it', async () => {
    await publishDueDigests({ db, key, now: new Date('2021-04-08T00:00:00Z') });
    const countsBefore = await count('SELECT sum(reports)::int AS n FROM report_count');
    const stored = await db.$queryRawUnsafe<Array<{ id: string; comment: string | null }>>(
      'SELECT id::text AS id, comment FROM report_2021_04 ORDER BY created_at, id',
    );
    const run = await maintainReportPartitions(db, { retentionMonths: 13, archiveDir }, new Date());
    expect(run.archived.map((a) => a.month)).toEqual(['2021-04']);
    const record = run.archived[0]!;
    const bytes = await readFile(record.file);
    expect(record.file).toBe(path.join(archiveDir, 'report_2021_04.csv.gz'));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record.sha256);
    expect(record).toMatchObject({ rows: 30, bytes: bytes.length });
    const csv = parseCsv(gunzipSync(bytes).toString('utf8'), ',');
    expect(csv[0]!.slice(0, 3)).toEqual(['id', 'platform_id', 'academy_id']);
    expect(csv.slice(1).map((r) => [r[0], r[5]])).toEqual(stored.map((r) => [r.id, r.comment ?? '']));
    expect(gunzipSync(bytes).toString('utf8')).toContain(',"",');

    expect(await listReportPartitionMonths(db)).not.toContain('2021-04');
    expect(await count(`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'report_2021_04'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM report WHERE created_at < '2021-05-01'`)).toBe(0);
    expect(await db.reportArchive.findUnique({ where: { month: '2021-04' } })).toMatchObject({ rows: 30, sha256: record.sha256 });
    const journal = await db.auditLog.findFirstOrThrow({ where: { action: 'report_partition.archived', targetId: '2021-04' } });
    expect(journal.after).toMatchObject({ sha256: record.sha256, rows: 30, file: record.file });
    expect((await verifyAuditLog(db)).ok).toBe(true);

    // Aggregates and the ledger stay, and the ledger still verifies: the archived reports are not "deleted".
    expect(await count('SELECT sum(reports)::int AS n FROM report_count')).toBe(countsBefore);
    expect(await count(`SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'report'`)).toBe(30);
    expect((await verifyLedger(db, key.publicKeyHex)).problems).toEqual([]);
  });

  test('a report deleted from a month that is not archived is still reported by the ledger check', async () => {
    const [row] = await insertReportBatch(db, [reportRow({ createdAt: new Date(), platformId: 'pronote', academyId: 'paris' })]);
    await db.report.deleteMany({ where: { id: row!.id } });
    const { problems } = await verifyLedger(db, key.publicKeyHex);
    expect(problems).toEqual([expect.objectContaining({ kind: 'report_deleted', id: row!.id })]);
  });
});
