import type { PrismaClient } from '@/lib/db/types';
import { claimQueuedDossier, expireDossiers, finishDossier, updateDossierProgress } from '@/lib/db/dossiers';
import { sha256Hex } from '@/lib/evidence/hash';
import type { SigningKey } from '@/lib/evidence/signing-key';
import { buildDossier } from './build';
import { dossierRequestSchema } from './schema';
import { deleteDossierZip, writeDossierZip } from './storage';

/** How long a built dossier stays downloadable. */
export const DOSSIER_RETENTION_MS = 30 * 86_400_000;

/**
 * Builds the queued dossiers one after the other (progress saved as it goes), then deletes the files
 * of expired ones. Several instances may run it: each dossier is claimed by one.
 */
export async function runDossierQueue(input: { db: PrismaClient; key: SigningKey; dataDir: string; now?: Date }): Promise<number> {
  const { db } = input;
  let built = 0;
  for (let job = await claimQueuedDossier(db); job; job = await claimQueuedDossier(db)) {
    const id = job.id;
    try {
      const request = dossierRequestSchema.parse(job.filters);
      let saved = 0;
      const result = await buildDossier({
        db, key: input.key, request, now: input.now,
        onProgress: (fraction) => {
          if (fraction - saved < 0.1) return;
          saved = fraction;
          void updateDossierProgress(db, id, fraction).catch(() => {});
        },
      });
      await writeDossierZip(input.dataDir, id, result.zip);
      const now = input.now ?? new Date();
      await finishDossier(db, id, { state: 'ready', reportCount: result.reportCount, sizeBytes: result.zip.length, sha256: sha256Hex(result.zip), expiresAt: new Date(now.getTime() + DOSSIER_RETENTION_MS) });
      built += 1;
    } catch (error) {
      console.error('[dossiers] build failed:', error instanceof Error ? error.message : error);
      await finishDossier(db, id, { state: 'failed', error: 'La construction du dossier a échoué ; réessayez ou réduisez la période.' });
    }
  }
  for (const id of await expireDossiers(db, input.now ?? new Date())) await deleteDossierZip(input.dataDir, id);
  return built;
}
