import { describe, expect, test } from 'vitest';
import { RATIO_CAP, wordRatio } from '@/lib/domain/ratio';

describe('wordRatio', () => {
  test.each([
    [30, 10, { kind: 'times', ratio: 3 }],
    [5, 4, { kind: 'times', ratio: 1.3 }],
    [250, 10, { kind: 'times', ratio: 25 }],
    [1660, 1, { kind: 'over', cap: RATIO_CAP }],
    [40, 0.2, { kind: 'atLeast', ratio: 40 }],
    [500, 0, { kind: 'over', cap: RATIO_CAP }],
    [1, 0.2, { kind: 'none' }],
    [12, null, { kind: 'none' }],
  ] as const)('%d reporters for %s expected → %o', (reporters, expected, wording) => {
    expect(wordRatio(reporters, expected)).toEqual(wording);
  });

  test('never gives a figure above the cap', () => {
    for (const reporters of [101, 1_000, 1e6]) expect(wordRatio(reporters, 1)).toEqual({ kind: 'over', cap: 100 });
  });
});
