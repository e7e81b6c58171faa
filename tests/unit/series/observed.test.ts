import { describe, expect, test } from 'vitest';
import { bucketsAboveBand, findPeak, isLearnedAfter, shapeObserved } from '@/lib/series/observed';

describe('shapeObserved', () => {
  test('one platform: per-minute totals, no separate lines', () => {
    const out = shapeObserved({
      rows: [
        { platformId: 'pronote', i: 0, reporters: 10 },
        { platformId: 'pronote', i: 2, reporters: 5 },
        { platformId: 'pronote', i: 9, reporters: 99 },
      ],
      length: 3,
      bucketMinutes: 5,
    });
    expect(out).toEqual({ observed: [2, 0, 1], lines: [], reporters: 15 });
  });

  test('several platforms: totals plus the busiest ones as lines', () => {
    const out = shapeObserved({
      rows: [
        { platformId: 'a', i: 0, reporters: 1 },
        { platformId: 'b', i: 0, reporters: 3 },
        { platformId: 'b', i: 1, reporters: 3 },
        { platformId: 'c', i: 1, reporters: 2 },
      ],
      length: 2,
      bucketMinutes: 1,
      maxLines: 2,
    });
    expect(out.observed).toEqual([4, 5]);
    expect(out.lines).toEqual([
      { id: 'b', values: [3, 3] },
      { id: 'c', values: [0, 2] },
    ]);
  });
});

describe('findPeak', () => {
  test('the earliest highest bucket, or null when all are zero', () => {
    expect(findPeak([10, 20, 30], [1, 3, 3])).toEqual({ t: 20, perMinute: 3 });
    expect(findPeak([10, 20], [0, 0])).toBeNull();
  });
});

describe('bucketsAboveBand', () => {
  test('indexes strictly above the high edge', () => {
    expect(bucketsAboveBand([1, 2, 3, 4], [2, 2, 2.5, 5])).toEqual([2]);
  });
});

describe('isLearnedAfter', () => {
  test('a baseline learned long after the period shown is flagged; one learned before or the same day is not', () => {
    expect(isLearnedAfter('2026-12-07T01:00:00Z', '2021-04-06T10:00:00Z')).toBe(true);
    expect(isLearnedAfter('2021-04-06T03:00:00Z', '2021-04-06T10:00:00Z')).toBe(false);
    expect(isLearnedAfter('2021-04-06T23:00:00Z', '2021-04-06T10:00:00Z')).toBe(false);
  });
});
