import { describe, test, expect } from 'vitest';
import { createRollingCounter } from '@/lib/pow/rolling-count';

describe('createRollingCounter', () => {
  test('sums the events of the last window at bucket resolution', () => {
    const counter = createRollingCounter({ windowMs: 60_000, bucketMs: 1_000 });
    counter.add(0);
    counter.add(500, 2);
    counter.add(30_000);
    expect(counter.total(30_000)).toBe(4);
    expect(counter.total(59_999)).toBe(4);
    expect(counter.total(60_000)).toBe(1);
    expect(counter.total(90_000)).toBe(0);
  });

  test('reuses buckets after wrapping around', () => {
    const counter = createRollingCounter({ windowMs: 3_000, bucketMs: 1_000 });
    counter.add(0, 5);
    counter.add(3_000, 1);
    expect(counter.total(3_000)).toBe(1);
  });
});
