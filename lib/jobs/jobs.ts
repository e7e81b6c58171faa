import type { PrismaClient } from '@/lib/db/types';
import { purgeUsedPowChallenges } from '@/lib/db/pow';
import { purgeFingerprints, purgeReportKeys } from '@/lib/db/reports';
import { runDetection } from '@/lib/detect/run-detection';
import { runDossierQueue } from '@/lib/dossier/queue';
import { publishDueDigests } from '@/lib/evidence/publish';
import type { SigningKey } from '@/lib/evidence/signing-key';
import { destroyExpiredDayKeys } from '@/lib/ingest/day-key';
import type { TickJob } from './ticks';

export const FINGERPRINT_RETENTION_MS = 48 * 3_600_000;

/**
 * Privacy purge (one instance per tick): clears source, network and device hashes older than 48 h,
 * destroys the fingerprint keys of finished days (so no stored hash can be recomputed from anything
 * kept), drops expired proof-of-work nonces and forgets idempotency keys past the same 48 h window.
 */
export function purgeFingerprintsJob(db: PrismaClient): TickJob {
  return {
    name: 'purge-fingerprints',
    everyMs: 10 * 60_000,
    run: async (now) => {
      await destroyExpiredDayKeys(db, now);
      await purgeUsedPowChallenges(db, now);
      const before = new Date(now.getTime() - FINGERPRINT_RETENTION_MS);
      await purgeReportKeys(db, before);
      return purgeFingerprints(db, before);
    },
  };
}

/** One detector pass a minute, 2 s past the minute so the last minute's reports are in. */
export function detectionJob(db: PrismaClient, log: (line: string) => void): TickJob {
  const cache = new Map();
  return {
    name: 'detect',
    everyMs: 60_000,
    offsetMs: 2_000,
    async run(now) {
      const run = await runDetection(db, { now, cache });
      if (run.created + run.updated + run.closed > 0) {
        log(`[détection] ${run.now.toISOString()} : ${run.created} ouverts, ${run.updated} mis à jour, ${run.closed} clos`);
      }
      for (const shift of run.levelShifts ?? []) {
        log(`[détection] changement de niveau à vérifier : ${shift.platformId} ${shift.scope} ×${shift.factor.toFixed(2)} depuis ${new Date(shift.at).toISOString()}`);
      }
      for (const late of run.lateDetections ?? []) {
        log(`[détection] panne détectée avec des signalements arrivés en retard : ${late.platformId} ${late.scope}, minute ${new Date(late.observed).toISOString()}, annoncée à ${new Date(late.at).toISOString()}`);
      }
    },
  };
}

/** Seals each finished Paris day of the ledger (a signed final digest); idempotent across instances. */
export function sealLedgerDaysJob(db: PrismaClient, key: SigningKey): TickJob {
  return {
    name: 'seal-ledger-days',
    everyMs: 10 * 60_000,
    run: (now) => publishDueDigests({ db, key, now }),
  };
}

/** Builds queued dossiers (requests also start it at once) and deletes expired ones. */
export function buildDossiersJob(db: PrismaClient, key: SigningKey, dataDir: string): TickJob {
  return {
    name: 'build-dossiers',
    everyMs: 15_000,
    run: (now) => runDossierQueue({ db, key, dataDir, now }),
  };
}
