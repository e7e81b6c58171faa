import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';

/** Where a ZIP goes as it is produced (the database, a file, memory in tests); `write` may apply backpressure. */
export type ByteSink = { write: (chunk: Uint8Array) => Promise<void> };

export type ZipSource = { name: string; path: string } | { name: string; bytes: Uint8Array };

const READ_BYTES = 1 << 20;

/** Streams the sources into one ZIP (deflate level 6, fixed entry time), in order; returns its size and SHA-256. */
export async function writeZip(input: { sources: ZipSource[]; sink: ByteSink; mtime: Date }): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = async () => {
    const ready = out;
    out = [];
    for (const chunk of ready) {
      hash.update(chunk);
      bytes += chunk.length;
      await input.sink.write(chunk);
    }
    if (failure) throw failure;
  };
  for (const source of input.sources) {
    const entry = new ZipDeflate(source.name, { level: 6 });
    entry.mtime = input.mtime;
    zip.add(entry);
    if ('bytes' in source) entry.push(source.bytes, true);
    else {
      for await (const chunk of createReadStream(source.path, { highWaterMark: READ_BYTES })) {
        entry.push(chunk as Buffer);
        await drain();
      }
      entry.push(new Uint8Array(0), true);
    }
    await drain();
  }
  zip.end();
  await drain();
  return { bytes, sha256: hash.digest('hex') };
}

/** Collects a ZIP in memory (tests and small dossiers only). */
export function memorySink(): ByteSink & { bytes: () => Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    write: async (chunk) => void chunks.push(chunk.slice()),
    bytes: () => new Uint8Array(Buffer.concat(chunks)),
  };
}
