import { sha256Hex } from '@/lib/evidence/hash';

export type LineChange = { kind: 'changed' | 'removed' | 'added'; line: number };

/** 16 hex digits of SHA-256 per line: enough to point at the line that changed, small enough to ship. */
export function shortLineHash(line: string): string {
  return sha256Hex(line).slice(0, 16);
}

/**
 * Locates edits between the expected line hashes and the lines found (1-based: a removed line by its
 * number in the original file, a changed or added one by its number in the file as it is now).
 */
export function diffLines(expected: readonly string[], lines: readonly string[], max = 20): LineChange[] {
  const found = lines.map(shortLineHash);
  const changes: LineChange[] = [];
  let e = 0;
  let f = 0;
  while ((e < expected.length || f < found.length) && changes.length < max) {
    if (e < expected.length && f < found.length && expected[e] === found[f]) {
      e += 1;
      f += 1;
    } else if (f >= found.length || (e + 1 < expected.length && expected[e + 1] === found[f])) {
      changes.push({ kind: 'removed', line: e + 1 });
      e += 1;
    } else if (e >= expected.length || (f + 1 < found.length && expected[e] === found[f + 1])) {
      changes.push({ kind: 'added', line: f + 1 });
      f += 1;
    } else {
      changes.push({ kind: 'changed', line: f + 1 });
      e += 1;
      f += 1;
    }
  }
  return changes;
}
