import { describe, expect, test } from 'vitest';
import { shouldShed } from '@/lib/server/load-shed';

describe('shouldShed', () => {
  const limits = { maxInflight: 500, maxQueueMs: 600, maxLoopDelayMs: 300 };
  test.each([
    ['idle', { inflight: 0, completedPerSecond: 0, loopDelayMs: 0, oldestInflightMs: 0 }, false],
    ['a burst after a quiet spell (no rate yet, nobody waiting long)', { inflight: 100, completedPerSecond: 0, loopDelayMs: 20, oldestInflightMs: 40 }, false],
    ['few in flight, even with a late loop', { inflight: 10, completedPerSecond: 1, loopDelayMs: 900, oldestInflightMs: 900 }, false],
    ['busy but keeping up', { inflight: 200, completedPerSecond: 1000, loopDelayMs: 50, oldestInflightMs: 200 }, false],
    ['queue would take over 600 ms', { inflight: 200, completedPerSecond: 300, loopDelayMs: 50, oldestInflightMs: 400 }, true],
    ['event loop late', { inflight: 40, completedPerSecond: 2000, loopDelayMs: 350, oldestInflightMs: 0 }, true],
    ['hard cap', { inflight: 500, completedPerSecond: 100_000, loopDelayMs: 0, oldestInflightMs: 0 }, true],
  ])('%s', (_name, load, expected) => {
    expect(shouldShed(load, limits)).toBe(expected);
  });
});
