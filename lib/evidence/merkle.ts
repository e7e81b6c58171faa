import { sha256Bytes } from './hash';

// RFC 6962 (Certificate Transparency) tree: leaf = H(0x00 || entry hash), node = H(0x01 || left || right),
// a tree of n leaves splits at the largest power of two below n. Domain separation stops a node
// from being passed off as a leaf.
const LEAF = 0;
const NODE = 1;

function prefixed(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(1 + parts.reduce((n, p) => n + p.length, 0));
  out[0] = tag;
  let offset = 1;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return sha256Bytes(out);
}

export function leafHash(entryHash: Uint8Array): Uint8Array {
  return prefixed(LEAF, entryHash);
}

/**
 * The one computation of a root: entry hashes fed one at a time, in ledger order, holding only one subtree root
 * per bit of the count (perfect subtrees merge as they fill, then fold right to left). The empty tree's root is
 * SHA-256 of nothing. merkleRoot and the streaming dossier verifier both go through it.
 */
export function createMerkleAccumulator(): { push: (entryHash: Uint8Array) => void; root: () => Uint8Array } {
  const stack: Array<{ hash: Uint8Array; size: number }> = [];
  return {
    push(entryHash) {
      let node = { hash: leafHash(entryHash), size: 1 };
      for (let top = stack.at(-1); top && top.size === node.size; top = stack.at(-1)) {
        stack.pop();
        node = { hash: prefixed(NODE, top.hash, node.hash), size: node.size * 2 };
      }
      stack.push(node);
    },
    root() {
      if (stack.length === 0) return sha256Bytes(new Uint8Array(0));
      let root = stack.at(-1)!.hash;
      for (let i = stack.length - 2; i >= 0; i--) root = prefixed(NODE, stack[i]!.hash, root);
      return root;
    },
  };
}

/** Root of a day's entries, from their SHA-256 entry hashes in ledger order. */
export function merkleRoot(entryHashes: Iterable<Uint8Array>): Uint8Array {
  const tree = createMerkleAccumulator();
  for (const entryHash of entryHashes) tree.push(entryHash);
  return tree.root();
}

/**
 * Every level of the tree over leaf hashes (leafHash-ed), leaves first, root last: only for audit paths
 * (inclusionProof). Bottom-up pairing promotes an unpaired last node unchanged, which gives the RFC 6962 shape, so
 * its top equals merkleRoot (tested); roots themselves come from merkleRoot.
 */
export function merkleLevels(leaves: readonly Uint8Array[]): Uint8Array[][] {
  const levels: Uint8Array[][] = [[...leaves]];
  let level = levels[0]!;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1];
      next.push(right ? prefixed(NODE, level[i]!, right) : level[i]!);
    }
    levels.push(next);
    level = next;
  }
  return levels;
}

/** Audit path (siblings from the leaf up) of leaf `index`, read off merkleLevels(). */
export function inclusionProof(levels: readonly Uint8Array[][], index: number): Uint8Array[] {
  const size = levels[0]?.length ?? 0;
  if (index < 0 || index >= size) throw new RangeError('leaf index out of range');
  const path: Uint8Array[] = [];
  let i = index;
  for (const level of levels.slice(0, -1)) {
    const sibling = i % 2 === 0 ? level[i + 1] : level[i - 1];
    if (sibling) path.push(sibling);
    i = Math.floor(i / 2);
  }
  return path;
}

/** Recomputes the root from an entry hash, its index, the tree size and its audit path. */
export function rootFromProof(input: { entryHash: Uint8Array; index: number; size: number; path: readonly Uint8Array[] }): Uint8Array | null {
  let hash = leafHash(input.entryHash);
  let i = input.index;
  let n = input.size;
  let p = 0;
  if (i < 0 || i >= n) return null;
  while (n > 1) {
    const isRight = i % 2 === 1;
    const hasSibling = isRight || i + 1 < n;
    if (hasSibling) {
      const sibling = input.path[p++];
      if (!sibling) return null;
      hash = isRight ? prefixed(NODE, sibling, hash) : prefixed(NODE, hash, sibling);
    }
    i = Math.floor(i / 2);
    n = Math.ceil(n / 2);
  }
  return p === input.path.length ? hash : null;
}
