import { bytesToHex, hexToBytes, sha256Hex } from './hash';
import { merkleRoot } from './merkle';
import { verifySignature } from './signature';
import { serializeDigest, digestHash, type DigestBody } from './digest';

export type LedgerProblem =
  | { kind: 'entry_changed'; day: string; seq: string }
  | { kind: 'digest_signature'; digestId: string; day: string }
  | { kind: 'digest_hash'; digestId: string; day: string }
  | { kind: 'chain_broken'; digestId: string; day: string }
  | { kind: 'day_root'; digestId: string; day: string; expected: number; found: number }
  | { kind: 'report_deleted'; day: string; id: string; seq: string }
  | { kind: 'report_absent'; id: string }
  | { kind: 'report_changed'; id: string };

export type StoredDigest = { id: string; day: string; body: string; hash: string; signature: string };

/** Entries whose stored hash is not the SHA-256 of their stored body. */
export function findChangedEntries(day: string, entries: ReadonlyArray<{ seq: bigint | string; body: string; hash: string }>): LedgerProblem[] {
  return entries
    .filter((e) => sha256Hex(e.body) !== e.hash)
    .map((e) => ({ kind: 'entry_changed', day, seq: String(e.seq) }) as const);
}

/** Checks a digest's own hash, its signature, and its link to the previous digest. */
export function checkDigestSeal(digest: StoredDigest, previousHash: string | null, publicKeyHex: string): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const where = { digestId: digest.id, day: digest.day };
  if (digestHash(digest.body) !== digest.hash) problems.push({ kind: 'digest_hash', ...where });
  if (!verifySignature({ message: digest.body, signatureBase64: digest.signature, publicKeyHex })) {
    problems.push({ kind: 'digest_signature', ...where });
  }
  const body = parseDigestBody(digest.body);
  if (!body || body.prev !== previousHash) problems.push({ kind: 'chain_broken', ...where });
  return problems;
}

/** Recomputes a digest's root from the day's entry hashes (up to its last_seq). */
export function checkDigestRoot(digest: StoredDigest, entryHashes: readonly string[]): LedgerProblem[] {
  const body = parseDigestBody(digest.body);
  if (!body) return [{ kind: 'digest_hash', digestId: digest.id, day: digest.day }];
  const rootHex = bytesToHex(merkleRoot(entryHashes.map((h) => hexToBytes(h))));
  if (entryHashes.length !== body.entryCount || rootHex !== body.root) {
    return [{ kind: 'day_root', digestId: digest.id, day: digest.day, expected: body.entryCount, found: entryHashes.length }];
  }
  return [];
}

export function parseDigestBody(text: string): DigestBody | null {
  try {
    const parsed = JSON.parse(text) as DigestBody;
    if (typeof parsed.root !== 'string' || typeof parsed.entryCount !== 'number' || serializeDigest(parsed) !== text) return null;
    return parsed;
  } catch {
    return null;
  }
}
