import { canonicalJson } from '@/lib/domain/canonical-json';
import { sha256Hex } from './hash';
import type { LedgerKind } from './entries';

export type DigestCounts = Record<LedgerKind, number>;

/** What a digest signs: one day's Merkle root so far (or final), chained to the previous digest. */
export type DigestBody = {
  v: 1;
  day: string;
  final: boolean;
  entryCount: number;
  lastSeq: string;
  root: string;
  prev: string | null;
  counts: DigestCounts;
  issuedAt: string;
  key: string;
};

export type SignedDigest = { body: string; hash: string; signature: string };

export function serializeDigest(body: DigestBody): string {
  return canonicalJson({ ...body, counts: { ...body.counts } });
}

export function digestHash(serialized: string): string {
  return sha256Hex(serialized);
}
