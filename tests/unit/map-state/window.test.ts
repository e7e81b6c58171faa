import { describe, expect, test } from 'vitest';
import { sparklineFrom, sparklineIndex, windowFrom } from '@/lib/map-state/window';

describe('sparklineFrom', () => {
  test.each([
    ['2021-04-06T07:02:00.000Z', '2021-04-06T04:05:00.000Z'],
    ['2021-04-06T07:05:00.000Z', '2021-04-06T04:05:00.000Z'],
    ['2021-04-06T07:05:00.001Z', '2021-04-06T04:10:00.000Z'],
    ['2021-04-06T07:17:42.500Z', '2021-04-06T04:20:00.000Z'],
  ])('at %s the first of 36 clock-aligned buckets starts at %s', (at, from) => {
    expect(sparklineFrom(new Date(at)).toISOString()).toBe(from);
  });
});

describe('sparklineIndex', () => {
  test('places the minute just before `at` in the last bucket and refuses instants outside', () => {
    const at = new Date('2021-04-06T07:02:00Z');
    const from = sparklineFrom(at);
    expect(sparklineIndex(from, at.getTime() - 60_000)).toBe(35);
    expect(sparklineIndex(from, from.getTime())).toBe(0);
    expect(sparklineIndex(from, from.getTime() - 1)).toBe(-1);
    expect(sparklineIndex(from, from.getTime() + 36 * 300_000)).toBe(-1);
  });
});

describe('windowFrom', () => {
  test('is 30 minutes before `at` by default', () => {
    expect(windowFrom(new Date('2021-04-06T07:02:00Z')).toISOString()).toBe('2021-04-06T06:32:00.000Z');
  });
});
