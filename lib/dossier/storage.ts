import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { insertDossierChunk, readDossierChunk } from '@/lib/db/dossier-chunks';
import type { DbLike } from '@/lib/db/audit';
import type { ByteSink } from './zip-stream';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Piece size in the database: large enough for few rows, small enough to stream without holding the ZIP. */
export const CHUNK_BYTES = 1 << 20;

/** Scratch space of a build: DATA_DIR/dossiers/tmp (the finished ZIP lives in the database). */
export function dossierWorkDir(dataDir: string): string {
  return path.join(dataDir, 'dossiers', 'tmp');
}

/** The build attempt no longer holds its dossier (its lease expired and another builder claimed it). */
export class DossierLeaseLost extends Error {}

/**
 * Stores a ZIP as it is produced, in numbered pieces of CHUNK_BYTES that every instance can read; with
 * `attempt`, only while that build attempt holds the dossier (DossierLeaseLost otherwise).
 */
export function dossierChunkSink(db: DbLike, dossierId: string, attempt?: number): ByteSink & { close: () => Promise<number> } {
  let parts: Uint8Array[] = [];
  let size = 0;
  let seq = 0;
  const flush = async () => {
    if (size === 0) return;
    const data = new Uint8Array(Buffer.concat(parts));
    parts = [];
    size = 0;
    if (!(await insertDossierChunk(db, { dossierId, seq: seq++, data, attempt }))) throw new DossierLeaseLost(`dossier ${dossierId}: build lease lost`);
  };
  return {
    write: async (chunk) => {
      parts.push(chunk.slice());
      size += chunk.length;
      if (size >= CHUNK_BYTES) await flush();
    },
    close: async () => {
      await flush();
      return seq;
    },
  };
}

/**
 * The stored ZIP as a stream, read one piece at a time; null when its first piece is missing. A piece
 * missing later fails the stream (the download stops short rather than ending in a truncated ZIP).
 */
export async function openDossierZip(db: DbLike, input: { dossierId: string; sizeBytes: number }): Promise<ReadableStream<Uint8Array> | null> {
  const first = await readDossierChunk(db, { dossierId: input.dossierId, seq: 0 });
  if (!first) return null;
  let seq = 1;
  let sent = first.length;
  let pending: Uint8Array | null = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending) {
        controller.enqueue(pending);
        pending = null;
      } else if (sent >= input.sizeBytes) controller.close();
      else {
        const data = await readDossierChunk(db, { dossierId: input.dossierId, seq: seq++ });
        if (!data) return controller.error(new Error(`dossier ${input.dossierId}: piece ${seq - 1} missing`));
        sent += data.length;
        controller.enqueue(data);
      }
    },
  });
}

const SCRATCH_MAX_AGE_MS = 86_400_000;

/** Removes build scratch folders a dead builder left behind (untouched for a day: no build lasts that long). */
export async function removeAbandonedScratch(dataDir: string): Promise<void> {
  const dir = dossierWorkDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('dossier-'))) {
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > SCRATCH_MAX_AGE_MS) await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

/** Removes a ZIP kept on disk by earlier versions (DATA_DIR/dossiers/<uuid>.zip), if any. */
export async function deleteLegacyDossierFile(dataDir: string, id: string): Promise<void> {
  if (UUID.test(id)) await rm(path.join(dataDir, 'dossiers', `${id}.zip`), { force: true });
}
