import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { DbLike, Tx } from './audit';

export type LedgerEntryRow = { seq: bigint; day: string; at: Date; kind: string; refId: string; body: string; hash: string };

export type DigestRow = {
  id: bigint;
  day: string;
  final: boolean;
  entryCount: number;
  lastSeq: bigint;
  root: string;
  body: string;
  hash: string;
  signature: string;
  createdAt: Date;
};

/** What a digest is computed from: the day's entries so far, and the previous digest's hash. */
export type DayFacts = { day: string; entryHashes: string[]; kinds: string[]; lastSeq: bigint; prevHash: string | null };

export type SealedDigest = { final: boolean; entryCount: number; lastSeq: bigint; root: string; body: string; hash: string; signature: string };

function dayText(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function toDigestRow(r: { id: bigint; day: Date; final: boolean; entryCount: number; lastSeq: bigint; root: string; body: string; hash: string; signature: string; createdAt: Date }): DigestRow {
  return { ...r, day: dayText(r.day) };
}

/** The day's entries in ledger order, up to `uptoSeq` (a digest's last_seq) when given. */
export async function listLedgerDay(db: DbLike, input: { day: string; uptoSeq?: bigint }): Promise<LedgerEntryRow[]> {
  const rows = await db.ledgerEntry.findMany({
    where: { day: new Date(`${input.day}T00:00:00Z`), ...(input.uptoSeq !== undefined ? { seq: { lte: input.uptoSeq } } : {}) },
    orderBy: { seq: 'asc' },
    select: { seq: true, day: true, at: true, kind: true, refId: true, body: true, hash: true },
  });
  return rows.map((r) => ({ ...r, day: dayText(r.day) }));
}

/**
 * The last sequence number a digest of `day` may cover. Writers are held off (SHARE lock) only for this
 * short step: once it holds, every entry with a smaller number has committed, and any later entry gets a
 * larger one. With `seal`, the day is closed first (later entries join the current day, see ledger_day()).
 */
async function fixLastSeq(db: PrismaClient, input: { day: Date; seal: boolean }): Promise<bigint> {
  return db.$transaction(
    async (tx: Tx) => {
      await tx.$executeRaw`LOCK TABLE ledger_entry IN SHARE MODE`;
      const sealed = await tx.ledgerSeal.findUnique({ where: { day: input.day } });
      if (sealed) return sealed.lastSeq;
      const max = await tx.ledgerEntry.aggregate({ where: { day: input.day }, _max: { seq: true } });
      const lastSeq = max._max.seq ?? 0n;
      if (input.seal) await tx.ledgerSeal.create({ data: { day: input.day, lastSeq } });
      return lastSeq;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

// Reading and hashing a busy day can take a while: this step holds no lock that ingest waits on.
const DIGEST_TX = { maxWait: 30_000, timeout: 600_000 };

/** Publishes one digest of `day` (final: the day is sealed first); null when its final digest exists already. */
export async function insertDigest(
  db: PrismaClient,
  input: { day: string; final: boolean; seal: (facts: DayFacts) => SealedDigest },
): Promise<DigestRow | null> {
  const day = new Date(`${input.day}T00:00:00Z`);
  const lastSeq = await fixLastSeq(db, { day, seal: input.final });
  return db.$transaction(async (tx: Tx) => {
    await tx.$executeRaw`LOCK TABLE ledger_digest IN EXCLUSIVE MODE`;
    // Several instances run the sealing job: the first one publishes the final digest, the others see it.
    if (input.final && (await tx.ledgerDigest.count({ where: { day, final: true } })) > 0) return null;
    const entries = await tx.ledgerEntry.findMany({
      where: { day, seq: { lte: lastSeq } },
      orderBy: { seq: 'asc' },
      select: { kind: true, hash: true },
    });
    const last = await tx.ledgerDigest.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
    const sealed = input.seal({ day: input.day, entryHashes: entries.map((e) => e.hash), kinds: entries.map((e) => e.kind), lastSeq, prevHash: last?.hash ?? null });
    return toDigestRow(await tx.ledgerDigest.create({ data: { day, ...sealed } }));
  }, DIGEST_TX);
}

/** Newest first; `before` is the id cursor of the previous page. */
export async function listDigests(db: DbLike, input: { limit: number; before?: bigint; day?: string } = { limit: 100 }): Promise<DigestRow[]> {
  const rows = await db.ledgerDigest.findMany({
    where: {
      ...(input.before ? { id: { lt: input.before } } : {}),
      ...(input.day ? { day: new Date(`${input.day}T00:00:00Z`) } : {}),
    },
    orderBy: { id: 'desc' },
    take: input.limit,
  });
  return rows.map(toDigestRow);
}

/** Every digest, oldest first (the verification walks the chain in this order). */
export async function listAllDigests(db: DbLike): Promise<DigestRow[]> {
  const rows = await db.ledgerDigest.findMany({ orderBy: { id: 'asc' } });
  return rows.map(toDigestRow);
}

/** Days before `today` (Paris) with entries, or sealed, and no final digest yet (oldest first). */
export async function listDaysToSeal(db: DbLike, today: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ day: Date }>>`
    SELECT DISTINCT e.day FROM ledger_entry e
    WHERE e.day < ${today}::date AND NOT EXISTS (SELECT 1 FROM ledger_digest d WHERE d.final AND d.day = e.day)
    UNION SELECT s.day FROM ledger_seal s WHERE NOT EXISTS (SELECT 1 FROM ledger_digest d WHERE d.final AND d.day = s.day)
    ORDER BY day`;
  return rows.map((r) => dayText(r.day));
}

/** Days that have ledger entries, oldest first. */
export async function listLedgerDays(db: DbLike): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ day: Date }>>`SELECT DISTINCT day FROM ledger_entry ORDER BY day`;
  return rows.map((r) => dayText(r.day));
}

/**
 * Reports in the ledger whose row is gone from the report table (ids, oldest first). A report received in an
 * archived month (report_archive: its partition was written to a checksummed file, then dropped) is not missing.
 */
export async function listLedgerReportsMissingFromDb(db: DbLike, limit: number): Promise<Array<{ id: string; day: string; seq: bigint }>> {
  const rows = await db.$queryRaw<Array<{ id: string; day: Date; seq: bigint }>>`
    SELECT e.ref_id AS id, e.day, e.seq FROM ledger_entry e
    WHERE e.kind = 'report' AND NOT EXISTS (SELECT 1 FROM report r WHERE r.id = e.ref_id::uuid)
      AND NOT EXISTS (SELECT 1 FROM report_archive a WHERE e.at >= a.range_start AND e.at < a.range_end)
    ORDER BY e.seq LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, day: dayText(r.day), seq: r.seq }));
}

/** Reports whose public fields no longer match their ledger entry, or that have no entry at all. */
export async function listReportsDifferingFromLedger(db: DbLike, limit: number): Promise<Array<{ id: string; problem: 'absent' | 'changed' }>> {
  return db.$queryRaw<Array<{ id: string; problem: 'absent' | 'changed' }>>`
    SELECT r.id::text AS id, CASE WHEN e.seq IS NULL THEN 'absent' ELSE 'changed' END AS problem
    FROM report r LEFT JOIN ledger_entry e ON e.kind = 'report' AND e.ref_id = r.id::text
    WHERE e.seq IS NULL OR (
      e.body::jsonb->>'at' IS DISTINCT FROM to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      OR e.body::jsonb->>'platform' IS DISTINCT FROM r.platform_id OR e.body::jsonb->>'academy' IS DISTINCT FROM r.academy_id
      OR e.body::jsonb->>'category' IS DISTINCT FROM r.category OR e.body::jsonb->>'role' IS DISTINCT FROM r.role)
    ORDER BY r.created_at LIMIT ${limit}`;
}

/** Report entries by report id (for the few reports whose entry is not on their own day). */
export async function listReportEntries(db: DbLike, ids: string[]): Promise<LedgerEntryRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.ledgerEntry.findMany({
    where: { kind: 'report', refId: { in: ids } },
    select: { seq: true, day: true, at: true, kind: true, refId: true, body: true, hash: true },
  });
  return rows.map((r) => ({ ...r, day: dayText(r.day) }));
}
