import { describe, expect, test } from 'vitest';
import { bytesToHex, createSha256, sha256Bytes, sha256Hex, utf8ToBytes } from '@/lib/evidence/hash';
import { createMerkleAccumulator, inclusionProof, leafHash, merkleLevels, merkleRoot, rootFromProof } from '@/lib/evidence/merkle';

/** RFC 6962 §2.1 written recursively, as the reference the iterative code must match. */
function referenceRoot(entries: Uint8Array[]): Uint8Array {
  if (entries.length === 1) return leafHash(entries[0]!);
  let k = 1;
  while (k * 2 < entries.length) k *= 2;
  const left = referenceRoot(entries.slice(0, k));
  const right = referenceRoot(entries.slice(k));
  return sha256Bytes(new Uint8Array([1, ...left, ...right]));
}

const entries = (n: number) => Array.from({ length: n }, (_, i) => sha256Bytes(utf8ToBytes(`entry ${i}`)));

describe('merkleRoot', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 31, 64, 100])('matches the RFC 6962 recursive definition for %i leaves', (n) => {
    expect(bytesToHex(merkleRoot(entries(n)))).toBe(bytesToHex(referenceRoot(entries(n))));
  });

  test('the empty tree is the hash of nothing', () => {
    expect(bytesToHex(merkleRoot([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('changing, removing or reordering one entry changes the root', () => {
    const base = entries(10);
    const root = bytesToHex(merkleRoot(base));
    const changed = [...base];
    changed[4] = sha256Bytes(utf8ToBytes('other'));
    expect(bytesToHex(merkleRoot(changed))).not.toBe(root);
    expect(bytesToHex(merkleRoot(base.slice(1)))).not.toBe(root);
    expect(bytesToHex(merkleRoot([base[1]!, base[0]!, ...base.slice(2)]))).not.toBe(root);
  });
});

describe('createMerkleAccumulator', () => {
  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 31, 64, 100, 257])('gives merkleRoot for %i entries fed one at a time', (n) => {
    const accumulator = createMerkleAccumulator();
    for (const entry of entries(n)) accumulator.push(entry);
    expect(bytesToHex(accumulator.root())).toBe(bytesToHex(merkleRoot(entries(n))));
  });
});

describe('inclusionProof', () => {
  test.each([1, 2, 5, 7, 16, 33])('every leaf of a %i-leaf tree proves back to the root', (n) => {
    const e = entries(n);
    const levels = merkleLevels(e.map(leafHash));
    const root = bytesToHex(merkleRoot(e));
    for (let i = 0; i < n; i += 1) {
      const path = inclusionProof(levels, i);
      expect(bytesToHex(rootFromProof({ entryHash: e[i]!, index: i, size: n, path })!)).toBe(root);
    }
  });

  test('a proof does not hold for another entry, index or tree size', () => {
    const e = entries(9);
    const levels = merkleLevels(e.map(leafHash));
    const root = bytesToHex(merkleRoot(e));
    const path = inclusionProof(levels, 3);
    const other = rootFromProof({ entryHash: e[4]!, index: 3, size: 9, path });
    expect(other && bytesToHex(other)).not.toBe(root);
    expect(rootFromProof({ entryHash: e[3]!, index: 3, size: 9, path: path.slice(1) })).toBeNull();
    expect(rootFromProof({ entryHash: e[3]!, index: 9, size: 9, path })).toBeNull();
  });
});

describe('native and pure SHA-256', () => {
  test('give the same bytes, so the server and the browser verifier agree', async () => {
    const { createHash } = await import('node:crypto');
    const data = utf8ToBytes('Le 6 avril 2021 à 9 h 02, « ça ne marche pas ».');
    expect(bytesToHex(sha256Bytes(data))).toBe(createHash('sha256').update(data).digest('hex'));
  });

  test('fed piece by piece, give the hash of the whole', () => {
    const data = utf8ToBytes('registre du 6 avril 2021\n'.repeat(100));
    const hash = createSha256();
    for (let i = 0; i < data.length; i += 7) hash.update(data.subarray(i, i + 7));
    expect(hash.hex()).toBe(sha256Hex(data));
  });
});
