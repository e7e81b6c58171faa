import type { PrismaClient } from '@/lib/db/types';
import { deleteDossierChunks } from '@/lib/db/dossier-chunks';
import { claimDossierBuild, expireDossiers, failAbandonedDossierBuilds, finishDossier, touchDossierBuild, type DossierClaim } from '@/lib/db/dossiers';
import type { SigningKey } from '@/lib/evidence/signing-key';
import { buildDossier } from './build';
import { dossierRequestSchema } from './schema';
import { deleteLegacyDossierFile, dossierChunkSink, dossierWorkDir, DossierLeaseLost, removeAbandonedScratch } from './storage';
import { componentLogger, errorMessage } from '@/lib/log/logger';

const log = componentLogger('dossiers');

/** How long a built dossier stays downloadable. */
export const DOSSIER_RETENTION_MS = 30 * 86_400_000;
/** A builder refreshes its lease this often, whatever the build is doing. */
export const DOSSIER_HEARTBEAT_MS = 15_000;
/** A build not refreshed for this long has lost its builder (process killed or crashed): it is claimed again. */
export const DOSSIER_LEASE_MS = 2 * 60_000;
/** Claims of one dossier before an interrupted build is given up with a message to the requester. */
export const DOSSIER_MAX_ATTEMPTS = 3;

const FAILED = 'La construction du dossier a échoué ; réessayez ou réduisez la période.';
const ABANDONED = 'La construction du dossier a été interrompue à plusieurs reprises (arrêt du serveur) ; réessayez ou réduisez la période.';

/** Builds one claimed dossier into the database; false when another builder took it over meanwhile. */
async function buildOne(input: { db: PrismaClient; key: SigningKey; dataDir: string; now?: Date }, claim: DossierClaim): Promise<boolean> {
  const { db } = input;
  const request = dossierRequestSchema.parse(claim.filters);
  await deleteDossierChunks(db, [claim.id]);
  const sink = dossierChunkSink(db, claim.id, claim.attempt);
  const lease = { id: claim.id, attempt: claim.attempt };
  let saved = 0;
  const heartbeat = setInterval(() => void touchDossierBuild(db, lease).catch(() => {}), DOSSIER_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const result = await buildDossier({
      db, key: input.key, request, sink, workDir: dossierWorkDir(input.dataDir), now: input.now,
      onProgress: (fraction) => {
        if (fraction - saved < 0.1) return;
        saved = fraction;
        void touchDossierBuild(db, { ...lease, progress: fraction }).catch(() => {});
      },
    });
    await sink.close();
    const now = input.now ?? new Date();
    return await finishDossier(db, lease, { state: 'ready', reportCount: result.reportCount, sizeBytes: result.sizeBytes, sha256: result.sha256, expiresAt: new Date(now.getTime() + DOSSIER_RETENTION_MS) });
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Builds the waiting dossiers one after the other (progress and lease saved as it goes) into the database,
 * where every instance can serve them, then deletes expired ones. Several instances may run it: each
 * dossier is claimed by one. A build whose builder died is claimed again once its lease expires, and
 * failed with a message after DOSSIER_MAX_ATTEMPTS claims, so no dossier stays « building » for ever.
 */
export async function runDossierQueue(input: { db: PrismaClient; key: SigningKey; dataDir: string; now?: Date }): Promise<number> {
  const { db } = input;
  const lease = { leaseMs: DOSSIER_LEASE_MS, maxAttempts: DOSSIER_MAX_ATTEMPTS };
  await deleteDossierChunks(db, await failAbandonedDossierBuilds(db, { ...lease, error: ABANDONED }));
  await removeAbandonedScratch(input.dataDir);
  let built = 0;
  for (let claim = await claimDossierBuild(db, lease); claim; claim = await claimDossierBuild(db, lease)) {
    try {
      if (await buildOne(input, claim)) built += 1;
      else log.warn({ dossier: claim.id }, 'claimed again by another builder, result dropped');
    } catch (error) {
      if (error instanceof DossierLeaseLost) {
        log.warn({ dossier: claim.id }, 'claimed again by another builder, build stopped');
        continue;
      }
      log.error({ dossier: claim.id, err: errorMessage(error) }, 'build failed');
      if (await finishDossier(db, claim, { state: 'failed', error: FAILED })) await deleteDossierChunks(db, [claim.id]).catch(() => {});
    }
  }
  const expired = await expireDossiers(db, input.now ?? new Date());
  await deleteDossierChunks(db, expired);
  for (const id of expired) await deleteLegacyDossierFile(input.dataDir, id);
  return built;
}
