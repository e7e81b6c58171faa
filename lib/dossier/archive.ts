/** A dossier's ZIP as the verifier reads it: entry names, and each entry's bytes piece by piece. */
export type DossierArchive = {
  /** Entry names in archive order, each once, folders left out. */
  names: readonly string[];
  /** The entry's uncompressed bytes; throws ArchiveReadError when the archive cannot be read. */
  read: (name: string) => AsyncIterable<Uint8Array>;
};

/** A day's registre as the verifier keeps it: one line per entry, looked up by index. */
export type RegistreStore = {
  push: (line: string) => void;
  /** Whether line `index` (a number read from reports.csv) is exactly `hash`. */
  has: (index: number, hash: string) => boolean;
};

export class ArchiveReadError extends Error {}

/** An archive already unzipped in memory (the browser verifier). */
export function memoryArchive(files: Readonly<Record<string, Uint8Array>>): DossierArchive {
  return {
    names: Object.keys(files).filter((name) => !name.endsWith('/')),
    async *read(name) {
      const bytes = files[name];
      if (bytes) yield bytes;
    },
  };
}

export function memoryRegistre(): RegistreStore {
  const lines: string[] = [];
  return { push: (line) => void lines.push(line), has: (index, hash) => lines[index] === hash };
}

export async function drain(chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]();
  while (!(await iterator.next()).done);
}

export async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
  }
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The lines of a UTF-8 text streamed in pieces, a batch per piece, as csvLines() splits the whole text:
 * on '\n', without the empty piece after a final line break.
 */
export async function* textLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of chunks) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    if (lines.length > 0) yield lines;
  }
  rest += decoder.decode();
  if (rest !== '') yield [rest];
}

export async function* eachLine(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  for await (const batch of textLines(chunks)) yield* batch;
}
