import { describe, expect, test } from 'vitest';
import { firstSliceStart, nextSliceFactor, sliceEnd, SLICE_MS } from '@/lib/export/slices';
import { formatParisLocal } from '@/lib/calendar/paris-time';

const FROM = new Date('2021-03-20T09:17:00Z');

describe('firstSliceStart and sliceEnd', () => {
  test.each(['1min', '15min', '1h'] as const)('slices of %s buckets start and end on bucket boundaries whatever the factor', (bucket) => {
    const width = { '1min': 60_000, '15min': 900_000, '1h': 3_600_000 }[bucket];
    let start = firstSliceStart(FROM, bucket);
    expect(start).toBeLessThanOrEqual(FROM.getTime());
    for (const factor of [1, 2, 64, 4, 1]) {
      const end = sliceEnd(start, bucket, factor);
      expect(end - start).toBe(SLICE_MS[bucket] * factor);
      expect(end % width).toBe(0);
      start = end;
    }
  });

  test('day slices run from Paris midnight to Paris midnight, across the spring clock change', () => {
    let start = firstSliceStart(FROM, '1j');
    expect(formatParisLocal(new Date(start))).toBe('2021-03-20T00:00');
    for (const factor of [1, 2, 1]) {
      const end = sliceEnd(start, '1j', factor);
      expect(formatParisLocal(new Date(end)).slice(11)).toBe('00:00');
      expect(Math.round((end - start) / 86_400_000)).toBe(92 * factor);
      start = end;
    }
  });
});

describe('nextSliceFactor', () => {
  test.each([
    [1, 0, 2],
    [1, 4_999, 2],
    [2, 5_000, 2],
    [2, 40_000, 2],
    [4, 40_001, 2],
    [1, 90_000, 1],
    [64, 10, 64],
  ])('from factor %i after a slice of %i rows (pages of 20 000): %i', (factor, rows, expected) => {
    expect(nextSliceFactor(factor, rows, 20_000)).toBe(expected);
  });
});
