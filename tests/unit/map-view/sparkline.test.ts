import { describe, expect, test } from 'vitest';
import { sparklinePoints, sparklineSummary } from '@/lib/map-view/sparkline';

describe('sparklinePoints', () => {
  test('spreads points over the width, the peak at the top and zero at the bottom', () => {
    expect(sparklinePoints([0, 5, 10], 100, 20, 0)).toBe('0,20 50,10 100,0');
  });

  test('keeps a flat zero line at the bottom instead of dividing by zero', () => {
    expect(sparklinePoints([0, 0, 0], 10, 10, 1)).toBe('1,9 5,9 9,9');
  });

  test('draws 36 points for the 3 hours of 5-minute buckets', () => {
    const values = Array.from({ length: 36 }, (_, i) => i % 7);
    const points = sparklinePoints(values, 72, 18).split(' ');
    expect(points).toHaveLength(36);
    expect(points[0]).toBe('1,17');
    expect(points[34]).toBe('69,1');
    expect(points[35]).toBe('71,17');
  });

  test('handles one point and none', () => {
    expect(sparklinePoints([4], 10, 10, 0)).toBe('5,0');
    expect(sparklinePoints([], 10, 10)).toBe('');
  });
});

describe('sparklineSummary', () => {
  test('gives total, peak and the latest bucket', () => {
    expect(sparklineSummary([1, 4, 2])).toEqual({ total: 7, peak: 4, last: 2 });
    expect(sparklineSummary([])).toEqual({ total: 0, peak: 0, last: 0 });
  });
});
