import fc from 'fast-check';
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

/**
 * Roots of fixed inputs, computed by the code that sealed the existing ledgers (before merkleRoot and the streaming
 * accumulator became one implementation): a change here would invalidate every published digest.
 */
const PINNED_ROOTS: Array<[number, string]> = [
  [0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  [1, '4e80dad45a3d3433d915cdaa8cce19000d754481cd4029ee4bc3fe1b52761087'],
  [2, '0cdc5e54ca58a1acf1b1345d4a06ff917c7bbf147b190a073583e3a8a4a2d00e'],
  [3, '3c83a07c520af225bce7767462da9a11f35d9430a94d631681cac6392963a4a8'],
  [4, '986816175fd285c8fe6f99a746115b286b91500dc47f5a407182ea30cb4d9e88'],
  [5, 'efd8b659a7c9275ac167872c8dc4747f33e972208f2010690bff6f6ce0faeabc'],
  [6, 'fdb11e236960303e3a1ffd7f903d63ebc1aada5c7c3d2658f92f35d442357d62'],
  [7, 'a46ba227309ecd540496655979c3d06fd62487c827baa104ec0eeebd0d6586f8'],
  [8, '903c143004d09f0fb9a1ec895fa8979cdeefdb501a937f92fb4bbe746954972b'],
  [9, 'e7bada0fa1a8e31373f18ea18ed888c7eceb286c5e35114fc63a8b1589413119'],
  [10, 'b0f2ce37101bdf799d192495c4c8db67cfe39c244851ae24fd11667def8d92f8'],
  [11, 'c3e8223ac21c682c075c3960e91aac78e44d2617b9e8066babef9bd35b1a144f'],
  [12, 'df2769e4405ae3874837ec469053191d77b2e4f6262f0b0e1155042a049d2a9c'],
  [13, 'b0f1bf22a3d297f28e42632455078703d48ccfcc243209c090b4a725f9cfb916'],
  [15, '65c18c71852197d557de48058f97d877e1740dfec9854a15a5542f9a8e600122'],
  [16, 'a6d36fa7bcc3f839ebef4c6f8392df796b40930c3d596fed3640087a35898d0d'],
  [17, '4a63a53a05241408e5c6cc9c49293da195c964024d0b3650220e47ae02a8df68'],
  [31, 'd05fab9fafc06b8ca4a200e7b56f55b2a430a1e12479ebe5f906303ac1faa0cd'],
  [32, '3162ba4c5ab43dad41e5b4b4cc6addd32995a64c75bbea291800025f95f2436e'],
  [33, '303feeed99a5c7a7436fab682a78682a8b14a9d01dbb13fcc83e5c1ef066d06e'],
  [100, '465f75cf3bb227ff5bd54e14bb1c92ad057375473480bd04d988d6921a3e324f'],
  [257, 'ee6e11e759604571ff6cc3902397475159ddc52d678b61faa8d6cb5a4858053d'],
  [1000, '3a863a4810b6efac0b5344a4c976799541109ef1a467e863140770343baaccab'],
];

describe('known roots', () => {
  test.each(PINNED_ROOTS)('%i entries keep their published root', (n, root) => {
    expect(bytesToHex(merkleRoot(entries(n)))).toBe(root);
    const accumulator = createMerkleAccumulator();
    for (const entry of entries(n)) accumulator.push(entry);
    expect(bytesToHex(accumulator.root())).toBe(root);
  });
});

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

describe('merkleLevels (for proofs) agrees with merkleRoot (the one root computation)', () => {
  /** The top of the levels, every audit path, and the streamed root all give the same root. */
  function checkTree(e: Uint8Array[]): void {
    const root = bytesToHex(merkleRoot(e));
    const streamed = createMerkleAccumulator();
    for (const entry of e) streamed.push(entry);
    expect(bytesToHex(streamed.root())).toBe(root);
    const levels = merkleLevels(e.map(leafHash));
    if (e.length === 0) {
      expect(levels).toEqual([[]]);
      expect(root).toBe(sha256Hex(new Uint8Array(0)));
      return;
    }
    expect(bytesToHex(levels.at(-1)![0]!)).toBe(root);
    expect(bytesToHex(referenceRoot(e))).toBe(root);
    for (let i = 0; i < e.length; i += 1) {
      const path = inclusionProof(levels, i);
      expect(bytesToHex(rootFromProof({ entryHash: e[i]!, index: i, size: e.length, path })!)).toBe(root);
    }
  }

  test('for every size from 0 to 70, odd sizes included', () => {
    for (let n = 0; n <= 70; n += 1) checkTree(entries(n));
  });

  test('for arbitrary entries of arbitrary count', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 140 }), (e) => checkTree(e)),
      { numRuns: 200 },
    );
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
