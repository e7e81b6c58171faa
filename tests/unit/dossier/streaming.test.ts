import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { shortLineHash } from '@/lib/dossier/line-diff';
import { SpoolFile } from '@/lib/dossier/spool';
import { writeZip } from '@/lib/dossier/zip-stream';

const dir = mkdtempSync(path.join(tmpdir(), 'spool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('SpoolFile', () => {
  test('writes lines to disk with their SHA-256, size and per-line control hashes', async () => {
    const hashes = await SpoolFile.create({ name: 'controle/a.csv.lignes', path: path.join(dir, 'a.lignes') });
    const csv = await SpoolFile.create({ name: 'a.csv', path: path.join(dir, 'a.csv'), lineHashes: hashes });
    const lines = Array.from({ length: 50_000 }, (_, i) => `ligne ${i},« é »`);
    for (const line of lines) await csv.line(line);
    const done = await csv.close();
    const control = await hashes.close();
    const text = lines.map((l) => `${l}\n`).join('');
    expect(readFileSync(done.path, 'utf8')).toBe(text);
    expect(done).toMatchObject({ name: 'a.csv', sha256: sha(text), bytes: Buffer.byteLength(text) });
    expect(readFileSync(control.path, 'utf8')).toBe(lines.map((l) => `${shortLineHash(l)}\n`).join(''));
  });
});

describe('writeZip', () => {
  test('streams files and bytes into one ZIP, in pieces, with its size and SHA-256', async () => {
    const big = randomBytes(3 << 20);
    const spool = await SpoolFile.create({ name: 'big.bin', path: path.join(dir, 'big.bin') });
    await spool.write(big.toString('base64'));
    const file = await spool.close();
    const pieces: Uint8Array[] = [];
    const result = await writeZip({
      sources: [{ name: file.name, path: file.path }, { name: 'manifest.json', bytes: new TextEncoder().encode('{}\n') }],
      sink: { write: async (chunk) => void pieces.push(chunk.slice()) },
      mtime: new Date('2000-01-01T00:00:00Z'),
    });
    const zip = new Uint8Array(Buffer.concat(pieces));
    expect(pieces.length).toBeGreaterThan(2);
    expect(result).toEqual({ bytes: zip.length, sha256: sha(zip) });
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['big.bin', 'manifest.json']);
    expect(Buffer.from(files['big.bin']!).toString()).toBe(big.toString('base64'));
    expect(new TextDecoder().decode(files['manifest.json'])).toBe('{}\n');
  });
});
