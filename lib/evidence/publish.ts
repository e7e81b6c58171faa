import '@/lib/evidence/native-hash';
import type { PrismaClient } from '@/lib/db/types';
import { insertDigest, listDaysToSeal, type DayFacts, type DigestRow, type SealedDigest } from '@/lib/db/ledger';
import { bytesToHex, hexToBytes } from './hash';
import { merkleRoot } from './merkle';
import { digestHash, serializeDigest, type DigestCounts } from './digest';
import { isLedgerKind } from './entries';
import { parisDate } from '@/lib/calendar/paris-time';
import { signText, type SigningKey } from './signing-key';

function countKinds(kinds: readonly string[]): DigestCounts {
  const counts: DigestCounts = { report: 0, moderation: 0, incident: 0 };
  for (const kind of kinds) if (isLedgerKind(kind)) counts[kind] += 1;
  return counts;
}

/** Turns a day's facts into a signed digest (pure apart from the signature). */
export function sealDay(input: { facts: DayFacts; final: boolean; key: SigningKey; now: Date }): SealedDigest {
  const { facts } = input;
  const root = bytesToHex(merkleRoot(facts.entryHashes.map((h) => hexToBytes(h))));
  const body = serializeDigest({
    v: 1,
    day: facts.day,
    final: input.final,
    entryCount: facts.entryHashes.length,
    lastSeq: String(facts.lastSeq),
    root,
    prev: facts.prevHash,
    counts: countKinds(facts.kinds),
    issuedAt: input.now.toISOString(),
    key: input.key.keyId,
  });
  return {
    final: input.final,
    entryCount: facts.entryHashes.length,
    lastSeq: facts.lastSeq,
    root,
    body,
    hash: digestHash(body),
    signature: signText(input.key, body),
  };
}

/** Publishes a digest of `day` so far (final = the day is over and will not change). */
export async function publishDigest(input: { db: PrismaClient; key: SigningKey; day: string; final: boolean; now?: Date }): Promise<DigestRow | null> {
  const now = input.now ?? new Date();
  return insertDigest(input.db, { day: input.day, final: input.final, seal: (facts) => sealDay({ facts, final: input.final, key: input.key, now }) });
}

/** Seals every past day still open, oldest first, then the current day so far. Returns the digests. */
export async function publishDueDigests(input: { db: PrismaClient; key: SigningKey; now?: Date; includeToday?: boolean }): Promise<DigestRow[]> {
  const now = input.now ?? new Date();
  const today = parisDate(now);
  const published: DigestRow[] = [];
  for (const day of await listDaysToSeal(input.db, today)) {
    const digest = await publishDigest({ db: input.db, key: input.key, day, final: true, now });
    if (digest) published.push(digest);
  }
  if (input.includeToday) {
    const digest = await publishDigest({ db: input.db, key: input.key, day: today, final: false, now });
    if (digest) published.push(digest);
  }
  return published;
}
