import type { PrismaClient } from '@/lib/db/types';
import { deleteDossierChunks } from '@/lib/db/dossier-chunks';
import { claimQueuedDossier, expireDossiers, finishDossier, updateDossierProgress } from '@/lib/db/dossiers';
import type { SigningKey } from '@/lib/evidence/signing-key';
import { buildDossier } from './build';
import { dossierRequestSchema } from './schema';
import { deleteLegacyDossierFile, dossierChunkSink, dossierWorkDir } from './storage';
import { componentLogger, errorMessage } from '@/lib/log/logger';

const log = componentLogger('dossiers');

/** How long a built dossier stays downloadable. */
export const DOSSIER_RETENTION_MS = 30 * 86_400_000;

async function buildOne(input: { db: PrismaClient; key: SigningKey; dataDir: string; now?: Date; id: string; filters: unknown }): Promise<void> {
  const { db, id } = input;
  const request = dossierRequestSchema.parse(input.filters);
  let saved = 0;
  await deleteDossierChunks(db, [id]);
  const sink = dossierChunkSink(db, id);
  const result = await buildDossier({
    db, key: input.key, request, sink, workDir: dossierWorkDir(input.dataDir), now: input.now,
    onProgress: (fraction) => {
      if (fraction - saved < 0.1) return;
      saved = fraction;
      void updateDossierProgress(db, id, fraction).catch(() => {});
    },
  });
  await sink.close();
  const now = input.now ?? new Date();
  await finishDossier(db, id, { state: 'ready', reportCount: result.reportCount, sizeBytes: result.sizeBytes, sha256: result.sha256, expiresAt: new Date(now.getTime() + DOSSIER_RETENTION_MS) });
}

/**
 * Builds the queued dossiers one after the other (progress saved as it goes) into the database, where
 * every instance can serve them, then deletes expired ones. Several instances may run it: each dossier is
 * claimed by one.
 */
export async function runDossierQueue(input: { db: PrismaClient; key: SigningKey; dataDir: string; now?: Date }): Promise<number> {
  const { db } = input;
  let built = 0;
  for (let job = await claimQueuedDossier(db); job; job = await claimQueuedDossier(db)) {
    try {
      await buildOne({ ...input, id: job.id, filters: job.filters });
      built += 1;
    } catch (error) {
      log.error({ err: errorMessage(error) }, 'build failed');
      await deleteDossierChunks(db, [job.id]).catch(() => {});
      await finishDossier(db, job.id, { state: 'failed', error: 'La construction du dossier a échoué ; réessayez ou réduisez la période.' });
    }
  }
  const expired = await expireDossiers(db, input.now ?? new Date());
  await deleteDossierChunks(db, expired);
  for (const id of expired) await deleteLegacyDossierFile(input.dataDir, id);
  return built;
}
