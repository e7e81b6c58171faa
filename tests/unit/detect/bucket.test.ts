import { describe, test, expect } from 'vitest';
import { bucketStart, detectBucketMs, fillBuckets } from '@/lib/detect/bucket';

const MIN = 60_000;

describe('detectBucketMs', () => {
  test.each([
    ['1-minute buckets', [0, 1, 2, 3, 4].map((i) => i * MIN), MIN],
    ['15-minute buckets with gaps', [0, 15, 30, 90, 105, 240].map((i) => i * MIN), 15 * MIN],
    ['unsorted with duplicates', [30, 0, 15, 15, 45].map((i) => i * MIN), 15 * MIN],
    ['hourly with one odd gap', [0, 60, 120, 150, 210, 270].map((i) => i * MIN), 60 * MIN],
    ['a single point', [5 * MIN], null],
    ['no point', [], null],
  ])('%s', (_, timestamps, expected) => {
    expect(detectBucketMs(timestamps)).toBe(expected);
  });
});

describe('fillBuckets', () => {
  test('fills missing buckets with 0 and sums points of the same bucket', () => {
    const points = [
      { t: 30 * MIN, count: 2 },
      { t: 0, count: 1 },
      { t: 30 * MIN, count: 1 },
    ];
    expect(fillBuckets(points, 15 * MIN)).toEqual([
      { t: 0, count: 1 },
      { t: 15 * MIN, count: 0 },
      { t: 30 * MIN, count: 3 },
    ]);
  });

  test('returns an empty series for no points', () => {
    expect(fillBuckets([], MIN)).toEqual([]);
  });
});

describe('bucketStart', () => {
  test('floors to the epoch-aligned bucket', () => {
    expect(bucketStart(17 * MIN + 5_000, 15 * MIN)).toBe(15 * MIN);
  });
});
