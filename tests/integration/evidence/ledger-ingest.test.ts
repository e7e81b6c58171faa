import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertReportBatch, reportBatchInsert, type NewReportRow } from '@/lib/db/reports';
import { reportEntryBody } from '@/lib/evidence/entries';
import { sha256Hex } from '@/lib/evidence/hash';
import { verifyLedger } from '@/lib/evidence/verify-ledger';
import { keyFromSeed } from '@/lib/evidence/signing-key';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { preparedDatabase } from '../../helpers/fresh-database';
import { reportRow } from '../../helpers/factories';

let db: PrismaClient;
let database: Awaited<ReturnType<typeof preparedDatabase>> | undefined;

beforeAll(async () => {
  database = await preparedDatabase();
  db = database.db;
}, 120_000);

afterAll(() => database?.close());

let minute = 0;
const next = (over: Partial<NewReportRow> = {}) =>
  reportRow({ createdAt: new Date(Date.UTC(2021, 3, 6, 7, 0) + (minute += 1) * 60_000), platformId: 'pronote', academyId: 'lille', ...over });

async function entriesOf(ids: string[]) {
  return db.ledgerEntry.findMany({ where: { kind: 'report', refId: { in: ids } }, orderBy: { seq: 'asc' } });
}

async function withInsertTrigger<T>(enabled: boolean, fn: () => Promise<T>): Promise<T> {
  if (!enabled) await db.$executeRaw`ALTER TABLE report DISABLE TRIGGER report_ledger_insert`;
  try {
    return await fn();
  } finally {
    if (!enabled) await db.$executeRaw`ALTER TABLE report ENABLE TRIGGER report_ledger_insert`;
  }
}

describe('ledger entries written by the ingest statement', () => {
  test('the batch statement writes one entry per inserted report by itself (trigger off)', async () => {
    const rows = [next({ role: 'parent' }), next({ counted: false, flagReason: 'duplicate', observedAt: new Date('2021-04-06T06:58:00.123Z') }), next()];
    await withInsertTrigger(false, () => insertReportBatch(db, rows));
    const entries = await entriesOf(rows.map((r) => r.id));
    expect(entries.map((e) => e.refId)).toEqual(rows.map((r) => r.id));
    for (const [i, e] of entries.entries()) {
      const r = rows[i]!;
      const body = reportEntryBody({ id: r.id, at: r.createdAt.toISOString(), observedAt: r.observedAt?.toISOString() ?? null, platform: r.platformId, academy: r.academyId, category: r.category, role: r.role, counted: r.counted, flag: r.flagReason });
      expect(e).toMatchObject({ body, hash: sha256Hex(body), day: new Date('2021-04-06T00:00:00Z') });
    }
  });

  test('its bodies are the text the database function builds from the stored row', async () => {
    const rows = [next({ role: 'eleve', observedAt: new Date('2021-04-06T06:59:59.999Z') }), next({ counted: false, flagReason: 'flood' })];
    await insertReportBatch(db, rows);
    const sql = await db.$queryRaw<Array<{ id: string; body: string }>>`
      SELECT r.id::text AS id, ledger_report_body(r) AS body FROM report r WHERE r.id = ANY(${rows.map((r) => r.id)}::uuid[]) ORDER BY r.created_at`;
    expect((await entriesOf(rows.map((r) => r.id))).map((e) => ({ id: e.refId, body: e.body }))).toEqual(sql);
  });

  test('with the trigger on, each report has exactly one entry, in time order', async () => {
    const rows = [next(), next(), next()].reverse();
    await insertReportBatch(db, rows);
    const entries = await entriesOf(rows.map((r) => r.id));
    expect(entries.map((e) => e.refId)).toEqual([...rows].reverse().map((r) => r.id));
  });

  test('idempotent re-posts, alone or mixed with new reports, add no entry', async () => {
    const first = [next(), next()];
    await insertReportBatch(db, first);
    const fresh = next();
    const again = first.map((r) => ({ ...next(), idempotencyKey: r.idempotencyKey }));
    const stored = await insertReportBatch(db, [...again, fresh]);
    expect(stored.map((s) => s.id)).toEqual([fresh.id]);
    await insertReportBatch(db, again);
    expect((await entriesOf([...first, ...again, fresh].map((r) => r.id))).map((e) => e.refId)).toEqual([...first, fresh].map((r) => r.id));
  });

  test('any other INSERT into report still gets its entry from the database', async () => {
    const r = next();
    await db.report.create({ data: { id: r.id, platformId: r.platformId, academyId: r.academyId, category: r.category, idempotencyKey: r.idempotencyKey, createdAt: r.createdAt, updatedAt: r.createdAt } });
    const plain = next();
    await insertReportBatch(db, [plain], { ledger: false });
    expect((await entriesOf([r.id, plain.id])).map((e) => e.refId)).toEqual([r.id, plain.id]);
  });

  test('a batch then a plain insert in one transaction: the batch mark does not cover the plain insert', async () => {
    const batch = [next(), next()];
    const plain = next();
    await db.$transaction(async (tx) => {
      await tx.$queryRaw(reportBatchInsert(batch));
      await tx.report.create({ data: { id: plain.id, platformId: plain.platformId, academyId: plain.academyId, category: plain.category, idempotencyKey: plain.idempotencyKey, createdAt: plain.createdAt, updatedAt: plain.createdAt } });
    });
    expect((await entriesOf([...batch, plain].map((r) => r.id))).map((e) => e.refId)).toEqual([...batch, plain].map((r) => r.id));
  });

  test('a forged mark that does not match the inserted rows is ignored', async () => {
    const r = next();
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('ledger.report_entries', '5', true)`;
      await tx.report.create({ data: { id: r.id, platformId: r.platformId, academyId: r.academyId, category: r.category, idempotencyKey: r.idempotencyKey, createdAt: r.createdAt, updatedAt: r.createdAt } });
    });
    expect(await entriesOf([r.id])).toHaveLength(1);
  });

  test('every report is in the ledger and the ledger verifies', async () => {
    const key = keyFromSeed(Buffer.alloc(32, 5).toString('base64'));
    const { problems } = await verifyLedger(db, key.publicKeyHex);
    expect(problems).toEqual([]);
    const [missing] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM report r WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.kind = 'report' AND e.ref_id = r.id::text)`;
    expect(missing?.n).toBe(0);
    const [doubled] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM (SELECT ref_id FROM ledger_entry WHERE kind = 'report' GROUP BY ref_id HAVING count(*) > 1) d`;
    expect(doubled?.n).toBe(0);
  });
});
