import { rm } from 'node:fs/promises';
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

/** Stores a ZIP as it is produced, in numbered pieces of CHUNK_BYTES that every instance can read. */
export function dossierChunkSink(db: DbLike, dossierId: string): ByteSink & { close: () => Promise<number> } {
  let parts: Uint8Array[] = [];
  let size = 0;
  let seq = 0;
  const flush = async () => {
    if (size === 0) return;
    const data = new Uint8Array(Buffer.concat(parts));
    parts = [];
    size = 0;
    await insertDossierChunk(db, { dossierId, seq: seq++, data });
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

/** Removes a ZIP kept on disk by earlier versions (DATA_DIR/dossiers/<uuid>.zip), if any. */
export async function deleteLegacyDossierFile(dataDir: string, id: string): Promise<void> {
  if (UUID.test(id)) await rm(path.join(dataDir, 'dossiers', `${id}.zip`), { force: true });
}
