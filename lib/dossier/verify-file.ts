import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { bytesToHex, hexToBytes } from '@/lib/evidence/hash';
import { ArchiveReadError, type DossierArchive, type RegistreStore } from './archive';
import { verifyDossierArchive, type DossierCheck, type VerifyOptions } from './verify';

// A registre line on disk: 1 flag byte (1 = 64 lowercase hex digits, the only form a report can match) + 32 bytes.
const RECORD = 33;
const RECORDS_PER_BLOCK = 2048;
const BLOCK = RECORD * RECORDS_PER_BLOCK;
const CACHED_BLOCKS = 16;
const HASH_LINE = /^[0-9a-f]{64}$/;

// With decodeStrings off, yauzl hands names over as raw bytes (and skips its own name checks).
function rawName(entry: Entry): Buffer {
  return entry.fileName as unknown as Buffer;
}

/** Names decoded as fflate's in-memory unzip does: UTF-8 when the entry says so, else one byte per character. */
function entryName(entry: Entry): string {
  const raw = rawName(entry);
  return entry.generalPurposeBitFlag & 0x800 ? new TextDecoder().decode(raw) : raw.toString('latin1');
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

/** The central directory: entry per name (the last one wins, as in memory), in order of first appearance. */
function readEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      const name = entryName(entry);
      if (!name.endsWith('/')) entries.set(name, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function zipFileArchive(zip: ZipFile, entries: ReadonlyMap<string, Entry>): DossierArchive {
  return {
    names: [...entries.keys()],
    async *read(name) {
      const entry = entries.get(name);
      if (!entry) return;
      try {
        const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))));
        for await (const chunk of stream) yield chunk as Buffer;
      } catch (error) {
        throw new ArchiveReadError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/** A registre kept in a scratch file (33 bytes a line), read back through a few cached blocks. */
function fileRegistre(dir: string, id: number): RegistreStore & { close: () => void } {
  const fd = openSync(path.join(dir, `registre-${id}`), 'w+');
  let pending = Buffer.alloc(BLOCK);
  let pendingRecords = 0;
  let count = 0;
  const cache = new Map<number, Buffer>();
  const flush = () => {
    if (pendingRecords === 0) return;
    writeSync(fd, pending, 0, pendingRecords * RECORD, (count - pendingRecords) * RECORD);
    pending = Buffer.alloc(BLOCK);
    pendingRecords = 0;
  };
  const block = (i: number): Buffer => {
    let data = cache.get(i);
    if (data) return data;
    data = Buffer.alloc(BLOCK);
    readSync(fd, data, 0, BLOCK, i * BLOCK);
    if (cache.size >= CACHED_BLOCKS) cache.delete(cache.keys().next().value!);
    cache.set(i, data);
    return data;
  };
  return {
    push(line) {
      const at = pendingRecords * RECORD;
      if (HASH_LINE.test(line)) {
        pending[at] = 1;
        pending.set(hexToBytes(line), at + 1);
      }
      pendingRecords += 1;
      count += 1;
      if (pendingRecords === RECORDS_PER_BLOCK) flush();
    },
    has(index, hash) {
      if (!Number.isInteger(index) || index < 0 || index >= count) return false;
      flush();
      const data = block(Math.floor(index / RECORDS_PER_BLOCK));
      const at = (index % RECORDS_PER_BLOCK) * RECORD;
      return data[at] === 1 && bytesToHex(data.subarray(at + 1, at + RECORD)) === hash;
    },
    close: () => closeSync(fd),
  };
}

/**
 * Checks a dossier ZIP file without loading it: the central directory is read first, then each entry is
 * inflated as a stream when needed, and the registres wait in scratch files, so memory stays flat
 * whatever the dossier's size. Same findings as verifyDossierZip.
 */
export async function verifyDossierFile(file: string, options: Omit<VerifyOptions, 'registre'> = {}): Promise<DossierCheck> {
  let zip: ZipFile | undefined;
  let entries: Map<string, Entry>;
  try {
    zip = await openZip(file);
    entries = await readEntries(zip);
  } catch {
    zip?.close();
    return { ok: false, intact: [], problems: ['Ce fichier n’est pas une archive ZIP lisible.'], keyId: null };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-verify-'));
  const stores: Array<{ close: () => void }> = [];
  try {
    const registre = () => {
      const store = fileRegistre(dir, stores.length);
      stores.push(store);
      return store;
    };
    return await verifyDossierArchive(zipFileArchive(zip, entries), { ...options, registre });
  } finally {
    for (const store of stores) store.close();
    zip.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
