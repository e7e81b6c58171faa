import type { AuditEntry } from '@/lib/domain/audit';
import { computeAuditHash, verifyAuditChain, type ChainCheck, type ChainedRecord } from '@/lib/domain/audit-chain';
import { toJsonValue, type JsonValue } from '@/lib/domain/canonical-json';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

export type Tx = Prisma.TransactionClient;
export type DbLike = PrismaClient | Tx;

/** Serialises appends to the chain (any constant shared by every writer; distinct from the migration lock). */
const AUDIT_LOCK_KEY = 7_461_332_019;

export type AuditRow = ChainedRecord & { id: bigint };

function toDbJson(value: JsonValue): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}

/**
 * Appends one row to the audit chain. Call it inside the transaction of the change it records, last
 * (the chain lock is then held only until commit): the row and the change commit or fail together.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry, now: Date): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint)`;
  const last = await tx.auditLog.findFirst({ where: { hash: { not: null } }, orderBy: { id: 'desc' }, select: { hash: true } });
  const record = {
    at: now,
    actorId: entry.actor.userId,
    actorLabel: entry.actor.label,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    reason: entry.reason ?? null,
  };
  const prevHash = last?.hash ?? null;
  await tx.auditLog.create({
    data: {
      ...record,
      before: toDbJson(record.before),
      after: toDbJson(record.after),
      prevHash,
      hash: computeAuditHash(prevHash, record),
    },
  });
}

function toAuditRow(row: Prisma.AuditLogGetPayload<object>): AuditRow {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    before: (row.before ?? null) as JsonValue,
    after: (row.after ?? null) as JsonValue,
    reason: row.reason,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export type AuditFilter = { action?: string; targetType?: string; targetId?: string; actorId?: string };

/** Newest first; `before` is the id cursor of the previous page. */
export async function listAudit(
  db: DbLike,
  input: { filter?: AuditFilter; before?: bigint; limit: number },
): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const rows = await db.auditLog.findMany({
    where: { ...input.filter, ...(input.before ? { id: { lt: input.before } } : {}) },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map(toAuditRow);
  return { items, nextCursor: rows.length > input.limit ? String(items.at(-1)?.id ?? '') : null };
}

/** Re-computes the whole chain in id order, a page at a time. */
export async function verifyAuditLog(db: DbLike, pageSize = 1000): Promise<ChainCheck> {
  let cursor: bigint | undefined;
  let prev: string | null = null;
  let checked = 0;
  let unsealed = 0;
  for (;;) {
    const rows = await db.auditLog.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: pageSize,
    });
    if (rows.length === 0) return { ok: true, checked, unsealed };
    const result = verifyAuditChain(rows.map(toAuditRow), prev);
    checked += result.checked;
    unsealed += result.unsealed;
    if (!result.ok) return { ...result, checked, unsealed };
    prev = [...rows].reverse().find((r) => r.hash !== null)?.hash ?? prev;
    cursor = rows.at(-1)?.id;
  }
}
