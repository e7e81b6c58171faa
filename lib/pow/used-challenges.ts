import { claimPowChallenge } from '@/lib/db/pow';
import type { PrismaClient } from '@/lib/db/types';

/** Remembers solved challenges until they expire, so one solution cannot be replayed. */
export type UsedChallengeStore = {
  /** Atomically marks `id` as used; false when it already was. Times are epoch ms. */
  claim(id: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
};

/**
 * Store shared by every instance through the database: a solution used on one instance is refused
 * on all the others. Expired entries are removed by the purge job.
 */
export function createDbUsedChallengeStore(db: PrismaClient): UsedChallengeStore {
  return {
    claim: (id, expiresAtMs, nowMs) => claimPowChallenge(db, { nonce: id, expiresAt: new Date(expiresAtMs), now: new Date(nowMs) }),
  };
}
