import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json';

/** The hashed content of one audit row (everything but its id and the chain columns). */
export type AuditRecord = {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  before: JsonValue;
  after: JsonValue;
  reason: string | null;
};

export type ChainedRecord = AuditRecord & { id: bigint | number; prevHash: string | null; hash: string | null };

export type ChainCheck =
  | { ok: true; checked: number; unsealed: number }
  | { ok: false; checked: number; unsealed: number; brokenAt: string; problem: 'hash_mismatch' | 'link_mismatch' };

/** hash = sha256(prev_hash + canonical JSON of the row); the first row has prev_hash null (''). */
export function computeAuditHash(prevHash: string | null, record: AuditRecord): string {
  const row: JsonValue = {
    at: record.at.toISOString(),
    actorId: record.actorId,
    actorLabel: record.actorLabel,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    before: record.before,
    after: record.after,
    reason: record.reason,
  };
  return createHash('sha256').update((prevHash ?? '') + canonicalJson(row)).digest('hex');
}

/**
 * Checks rows in id order: each sealed row's hash matches its content and links to the previous
 * sealed row. `previousHash` is the hash just before the first row (for a check in pages).
 * Rows without a hash (written outside appendAudit) are counted as unsealed and skipped.
 */
export function verifyAuditChain(rows: readonly ChainedRecord[], previousHash: string | null = null): ChainCheck {
  let prev = previousHash;
  let checked = 0;
  let unsealed = 0;
  for (const row of rows) {
    if (row.hash === null) {
      unsealed += 1;
      continue;
    }
    checked += 1;
    if (row.prevHash !== prev) return { ok: false, checked, unsealed, brokenAt: String(row.id), problem: 'link_mismatch' };
    if (computeAuditHash(row.prevHash, row) !== row.hash) {
      return { ok: false, checked, unsealed, brokenAt: String(row.id), problem: 'hash_mismatch' };
    }
    prev = row.hash;
  }
  return { ok: true, checked, unsealed };
}
