import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listLedgerDay } from '@/lib/db/ledger';
import { insertReportBatch } from '@/lib/db/reports';
import { hideReportRows } from '@/lib/db/moderation';
import { reportEntryBody } from '@/lib/evidence/entries';
import { sha256Hex } from '@/lib/evidence/hash';
import { describeLedgerProblem } from '@/lib/evidence/ledger-messages';
import { publishDigest, publishDueDigests } from '@/lib/evidence/publish';
import { keyFromSeed } from '@/lib/evidence/signing-key';
import { verifyLedger } from '@/lib/evidence/verify-ledger';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { preparedDatabase } from '../../helpers/fresh-database';
import { reportRow } from '../../helpers/factories';

const key = keyFromSeed(Buffer.alloc(32, 3).toString('base64'));
let db: PrismaClient;
let database: Awaited<ReturnType<typeof preparedDatabase>> | undefined;

beforeAll(async () => {
  database = await preparedDatabase();
  db = database.db;
}, 120_000);

afterAll(() => database?.close());

const at = (hhmm: string) => new Date(`2021-04-06T${hhmm}:00.000+02:00`);

describe('ledger written by the database', () => {
  test('an accepted report enters the ledger in the insert statement, with the body JS rebuilds', async () => {
    const row = reportRow({ createdAt: at('09:02'), platformId: 'pronote', academyId: 'lille', role: 'parent' });
    await insertReportBatch(db, [row]);
    const [entry] = (await listLedgerDay(db, { day: '2021-04-06' })).filter((e) => e.refId === row.id);
    const body = reportEntryBody({ id: row.id, at: row.createdAt.toISOString(), observedAt: null, platform: 'pronote', academy: 'lille', category: 'login', role: 'parent', counted: true, flag: null });
    expect(entry).toMatchObject({ kind: 'report', body, hash: sha256Hex(body) });
    expect(entry!.body).not.toContain(row.sourceFingerprint);
  });

  test('a duplicate idempotency key adds no entry', async () => {
    const row = reportRow({ createdAt: at('09:05'), platformId: 'pronote', academyId: 'lille' });
    await insertReportBatch(db, [row]);
    await insertReportBatch(db, [{ ...row, id: reportRow({ createdAt: at('09:05'), platformId: 'pronote', academyId: 'lille' }).id }]);
    expect((await listLedgerDay(db, { day: '2021-04-06' })).filter((e) => e.body.includes(row.createdAt.toISOString()))).toHaveLength(1);
  });

  test('hiding a report is itself an entry, with its state before and after', async () => {
    const row = reportRow({ createdAt: at('09:10'), platformId: 'pronote', academyId: 'lille' });
    await insertReportBatch(db, [row]);
    await db.$transaction((tx) => hideReportRows(tx, { ids: [row.id] }));
    const entries = await db.ledgerEntry.findMany({ where: { refId: row.id }, orderBy: { seq: 'asc' } });
    expect(entries.map((e) => e.kind)).toEqual(['report', 'moderation']);
    expect(JSON.parse(entries[1]!.body)).toMatchObject({ state: 'hidden', stateBefore: 'visible', counted: false, flag: 'moderator' });
  });

  test('the ledger, its digests and the audit log refuse UPDATE, DELETE and TRUNCATE', async () => {
    await expect(db.$executeRaw`UPDATE ledger_entry SET body = 'x'`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM ledger_entry`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE ledger_entry`).rejects.toThrow(/append-only/);
    await publishDigest({ db, key, day: '2021-04-06', final: false });
    await expect(db.$executeRaw`UPDATE ledger_digest SET root = 'x'`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM ledger_digest`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE ledger_digest`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE ledger_seal`).rejects.toThrow(/append-only/);
    await db.auditLog.create({ data: { actorLabel: 't', action: 't', targetType: 't', targetId: 't' } });
    await expect(db.$executeRaw`DELETE FROM audit_log`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE audit_log`).rejects.toThrow(/append-only/);
  });
});

describe('verifyLedger', () => {
  test('an untouched ledger verifies; a sealed day sends later entries to the current day', async () => {
    const now = new Date('2021-04-08T10:00:00Z');
    const digests = await publishDueDigests({ db, key, now });
    expect(digests.map((d) => [d.day, d.final])).toEqual([['2021-04-06', true]]);
    const late = reportRow({ createdAt: at('23:00'), platformId: 'pronote', academyId: 'lille' });
    await insertReportBatch(db, [late]);
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { refId: late.id } });
    expect(entry.day.toISOString().slice(0, 10)).not.toBe('2021-04-06');
    expect((await verifyLedger(db, key.publicKeyHex)).problems).toEqual([]);
  });

  test('a report deleted after its day was sealed is named, with its day', async () => {
    const row = await db.ledgerEntry.findFirstOrThrow({ where: { kind: 'report', day: new Date('2021-04-06T00:00:00Z') }, orderBy: { seq: 'asc' } });
    await db.report.deleteMany({ where: { id: row.refId } });
    const { problems } = await verifyLedger(db, key.publicKeyHex);
    expect(problems).toEqual([{ kind: 'report_deleted', id: row.refId, day: '2021-04-06', seq: String(row.seq) }]);
    expect(describeLedgerProblem(problems[0]!)).toContain('6 avril 2021');
  });

  test('an entry rewritten with triggers off is named; rehashed too, its day no longer matches the digest', async () => {
    const row = await db.ledgerEntry.findFirstOrThrow({ where: { kind: 'report', day: new Date('2021-04-06T00:00:00Z') }, orderBy: { seq: 'desc' } });
    const rewrite = async (rehash: boolean) =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
        await tx.$executeRaw`UPDATE ledger_entry SET body = replace(body, '"lille"', '"lyon"') WHERE seq = ${row.seq}`;
        if (rehash) await tx.$executeRaw`UPDATE ledger_entry SET hash = encode(sha256(convert_to(body, 'UTF8')), 'hex') WHERE seq = ${row.seq}`;
      });
    await rewrite(false);
    expect((await verifyLedger(db, key.publicKeyHex)).problems).toContainEqual({ kind: 'entry_changed', day: '2021-04-06', seq: String(row.seq) });
    await rewrite(true);
    const { problems } = await verifyLedger(db, key.publicKeyHex);
    expect(problems.map((p) => p.kind)).not.toContain('entry_changed');
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'day_root', day: '2021-04-06' }));
  });

  test('a digest signed by another key is refused', async () => {
    const stranger = keyFromSeed(Buffer.alloc(32, 4).toString('base64'));
    const kinds = (await verifyLedger(db, stranger.publicKeyHex)).problems.map((p) => p.kind);
    expect(kinds).toContain('digest_signature');
  });
});
