import { sha256Hex } from '@/lib/evidence/hash';

export type LineChange = { kind: 'changed' | 'removed' | 'added'; line: number };

type Lines = Iterable<string> | AsyncIterable<string>;

/** 16 hex digits of SHA-256 per line: enough to point at the line that changed, small enough to ship. */
export function shortLineHash(line: string): string {
  return sha256Hex(line).slice(0, 16);
}

/** A line stream seen through a window of two lines (all the diff below looks ahead). */
function lookahead(lines: Lines, map: (line: string) => string = (line) => line) {
  const iterator = Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]();
  const window: string[] = [];
  let done = false;
  let taken = 0;
  return {
    async at(ahead: 0 | 1): Promise<string | undefined> {
      while (!done && window.length <= ahead) {
        const next = await iterator.next();
        if (next.done) done = true;
        else window.push(map(next.value));
      }
      return window[ahead];
    },
    /** Moves past the current line; returns its 1-based number. */
    take(): number {
      window.shift();
      return ++taken;
    },
  };
}

/**
 * Locates edits between the expected line hashes and the lines found (1-based: a removed line by its
 * number in the original file, a changed or added one by its number in the file as it is now). Both are
 * read as streams, two lines ahead at most.
 */
export async function diffLines(expected: Lines, lines: Lines, max = 20): Promise<LineChange[]> {
  const e = lookahead(expected);
  const f = lookahead(lines, shortLineHash);
  const changes: LineChange[] = [];
  while (changes.length < max) {
    const [e0, f0] = [await e.at(0), await f.at(0)];
    if (e0 === undefined && f0 === undefined) break;
    if (e0 !== undefined && e0 === f0) {
      e.take();
      f.take();
    } else if (f0 === undefined || (e0 !== undefined && (await e.at(1)) === f0)) {
      changes.push({ kind: 'removed', line: e.take() });
    } else if (e0 === undefined || (await f.at(1)) === e0) {
      changes.push({ kind: 'added', line: f.take() });
    } else {
      e.take();
      changes.push({ kind: 'changed', line: f.take() });
    }
  }
  return changes;
}
