import type { PrismaClient } from '@/lib/generated/prisma/client';
import { purgeUsedPowChallenges } from '@/lib/db/pow';
import { purgeFingerprints } from '@/lib/db/reports';
import { destroyExpiredDayKeys } from '@/lib/ingest/day-key';
import type { Job } from './scheduler';

export const FINGERPRINT_RETENTION_MS = 48 * 3_600_000;

/**
 * Privacy purge, idempotent so every instance may run it: clears source, network and device hashes
 * older than 48 h, destroys the fingerprint keys of finished days (so no stored hash can be
 * recomputed from anything kept) and drops expired proof-of-work nonces.
 */
export function purgeFingerprintsJob(db: PrismaClient): Job {
  return {
    name: 'purge-fingerprints',
    everyMs: 10 * 60_000,
    run: async (now) => {
      await destroyExpiredDayKeys(db, now);
      await purgeUsedPowChallenges(db, now);
      return purgeFingerprints(db, new Date(now.getTime() - FINGERPRINT_RETENTION_MS));
    },
  };
}
