import path from 'node:path';
import type { PrismaClient } from '@/lib/db/types';
import { listRegistrePage } from '@/lib/db/dossier';
import { listDigests, type DigestRow } from '@/lib/db/ledger';
import { parisDate } from '@/lib/calendar/paris-time';
import { publishDigest } from '@/lib/evidence/publish';
import type { SigningKey } from '@/lib/evidence/signing-key';
import { registreFileName } from './files';
import { SpoolFile, type SpooledFile } from './spool';

const PAGE = 50_000;

export type LedgerDayProof = { day: string; digest: DigestRow; file: SpooledFile };

type PreparedDay = LedgerDayProof & { seqs: BigInt64Array; count: number };

/** The digest covering every needed entry of `day`; publishes a fresh one when the latest falls short. */
async function digestCovering(input: { db: PrismaClient; key: SigningKey; day: string; maxSeq: bigint; now: Date }): Promise<DigestRow> {
  const [latest] = await listDigests(input.db, { limit: 1, day: input.day });
  if (latest && latest.lastSeq >= input.maxSeq) return latest;
  const final = input.day < parisDate(input.now);
  const published = await publishDigest({ db: input.db, key: input.key, day: input.day, final, now: input.now });
  if (published) return published;
  const [again] = await listDigests(input.db, { limit: 1, day: input.day });
  if (!again) throw new Error(`no digest for ${input.day}`);
  return again;
}

/** Streams the day's entry hashes up to the digest into its registre file; keeps only their sequence numbers. */
async function readDay(input: { db: PrismaClient; dir: string; day: string; digest: DigestRow }): Promise<PreparedDay> {
  const spool = await SpoolFile.create({ name: registreFileName(input.day), path: path.join(input.dir, `registre-${input.day}.txt`) });
  let seqs = new BigInt64Array(1024);
  let count = 0;
  for (let after = 0n; ; ) {
    const page = await listRegistrePage(input.db, { day: input.day, afterSeq: after, uptoSeq: input.digest.lastSeq, limit: PAGE });
    for (const e of page) {
      if (count === seqs.length) {
        const grown = new BigInt64Array(seqs.length * 2);
        grown.set(seqs);
        seqs = grown;
      }
      seqs[count++] = e.seq;
      await spool.write(`${e.hash}\n`);
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    after = last.seq;
  }
  return { day: input.day, digest: input.digest, file: await spool.close(), seqs, count };
}

function search(seqs: BigInt64Array, count: number, seq: bigint): number | null {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = seqs[mid]!;
    if (value === seq) return mid;
    if (value < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/**
 * The ledger days a dossier's reports sit in, prepared as the reports stream by: each day's signed digest,
 * its registre file, and each entry's index in it (the Merkle leaf the verifier re-hashes).
 */
export function createLedgerDays(input: { db: PrismaClient; key: SigningKey; now: Date; dir: string }) {
  const days = new Map<string, PreparedDay>();
  return {
    /** Makes sure the day's digest covers entry `seq`; a later digest keeps earlier indexes (its registre extends the old one). */
    async cover(day: string, seq: bigint): Promise<void> {
      const known = days.get(day);
      if (known && known.digest.lastSeq >= seq) return;
      const digest = await digestCovering({ ...input, day, maxSeq: seq });
      days.set(day, await readDay({ db: input.db, dir: input.dir, day, digest }));
    },
    indexOf(day: string, seq: bigint): number | null {
      const known = days.get(day);
      return known ? search(known.seqs, known.count, seq) : null;
    },
    list(): LedgerDayProof[] {
      return [...days.values()].sort((a, b) => a.day.localeCompare(b.day)).map(({ day, digest, file }) => ({ day, digest, file }));
    },
  };
}

export type LedgerDays = ReturnType<typeof createLedgerDays>;
