import type { PrismaClient } from '@/lib/generated/prisma/client';
import { purgeFingerprints } from '@/lib/db/reports';
import { runDossierQueue } from '@/lib/dossier/queue';
import { publishDueDigests } from '@/lib/evidence/publish';
import type { SigningKey } from '@/lib/evidence/signing-key';
import type { Job } from './scheduler';

export const FINGERPRINT_RETENTION_MS = 48 * 3_600_000;

/** Clears source fingerprints older than 48 h; idempotent, so every instance may run it. */
export function purgeFingerprintsJob(db: PrismaClient): Job {
  return {
    name: 'purge-fingerprints',
    everyMs: 10 * 60_000,
    run: (now) => purgeFingerprints(db, new Date(now.getTime() - FINGERPRINT_RETENTION_MS)),
  };
}

/** Seals each finished Paris day of the ledger (a signed final digest); idempotent across instances. */
export function sealLedgerDaysJob(db: PrismaClient, key: SigningKey): Job {
  return {
    name: 'seal-ledger-days',
    everyMs: 10 * 60_000,
    run: (now) => publishDueDigests({ db, key, now }),
  };
}

/** Builds queued dossiers (requests also start it at once) and deletes expired ones. */
export function buildDossiersJob(db: PrismaClient, key: SigningKey, dataDir: string): Job {
  return {
    name: 'build-dossiers',
    everyMs: 15_000,
    run: (now) => runDossierQueue({ db, key, dataDir, now }),
  };
}
