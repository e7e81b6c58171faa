import { describe, expect, test } from 'vitest';
import { surgeSchedule } from '@/bench/lib/surge-schedule';

describe('surgeSchedule', () => {
  test('ramps linearly to the peak rate, then holds it', () => {
    const { total, dueMs } = surgeSchedule({ peak: 1500, rampSeconds: 60, holdSeconds: 60 });
    expect(total).toBe(45_000 + 90_000);
    const sentBefore = (ms: number) => {
      let lo = 0;
      let hi = total;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (dueMs(mid) < ms) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    expect(sentBefore(31_000) - sentBefore(30_000)).toBeGreaterThan(745);
    expect(sentBefore(31_000) - sentBefore(30_000)).toBeLessThan(790);
    expect(sentBefore(60_000)).toBe(45_000);
    expect(sentBefore(91_000) - sentBefore(90_000)).toBe(1500);
    expect(dueMs(total - 1)).toBeLessThan(120_000);
  });
});
