import { describe, expect, test } from 'vitest';
import { csvLine, parseCsvLine } from '@/lib/dossier/csv';
import { diffLines, shortLineHash } from '@/lib/dossier/line-diff';

const original = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`);
const expected = original.map(shortLineHash);

describe('diffLines', () => {
  test('names nothing when the lines are intact', async () => {
    expect(await diffLines(expected, original)).toEqual([]);
  });

  test('names a changed, a removed and an added line', async () => {
    expect(await diffLines(expected, original.map((l, i) => (i === 4 ? 'other' : l)))).toEqual([{ kind: 'changed', line: 5 }]);
    expect(await diffLines(expected, original.filter((_, i) => i !== 6))).toEqual([{ kind: 'removed', line: 7 }]);
    expect(await diffLines(expected, [...original.slice(0, 3), 'extra', ...original.slice(3)])).toEqual([{ kind: 'added', line: 4 }]);
    expect(await diffLines(expected, original.slice(0, -1))).toEqual([{ kind: 'removed', line: 12 }]);
  });

  test('reads both sides as streams, with the same answers as from arrays', async () => {
    async function* stream(lines: string[]) {
      for (const line of lines) yield line;
    }
    const edited = [...original.slice(0, 2), 'extra', ...original.slice(3, 8), 'other', ...original.slice(9)];
    const fromArrays = await diffLines(expected, edited);
    expect(fromArrays.length).toBeGreaterThan(1);
    expect(await diffLines(stream(expected), stream(edited))).toEqual(fromArrays);
    expect(await diffLines(stream(expected), stream(edited), 1)).toEqual(fromArrays.slice(0, 1));
  });
});

describe('csvLine and parseCsvLine', () => {
  test('round-trip quotes and commas; line breaks become spaces; formulas are defused', () => {
    const cells = ['a', 'b, c', 'il a dit "non"', null, true, 3];
    expect(parseCsvLine(csvLine(cells))).toEqual(['a', 'b, c', 'il a dit "non"', '', 'true', '3']);
    expect(csvLine(['deux\nlignes'])).toBe('deux lignes');
    expect(csvLine(['=HYPERLINK("x")'])).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
