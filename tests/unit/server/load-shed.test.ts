import { describe, expect, test } from 'vitest';
import { createLoadMonitor, shouldShed } from '@/lib/server/load-shed';

describe('shouldShed', () => {
  const limits = { maxInflight: 500, maxQueueMs: 600, maxLoopDelayMs: 300 };
  test.each([
    ['idle', { inflight: 0, loopDelayMs: 0, oldestInflightMs: 0 }, false],
    ['a burst after a quiet spell, nobody waiting long', { inflight: 100, loopDelayMs: 20, oldestInflightMs: 40 }, false],
    ['a 100-report burst answered within the target', { inflight: 100, loopDelayMs: 120, oldestInflightMs: 450 }, false],
    ['few in flight, even with a late loop and a slow request', { inflight: 10, loopDelayMs: 900, oldestInflightMs: 900 }, false],
    ['busy but keeping up', { inflight: 200, loopDelayMs: 50, oldestInflightMs: 200 }, false],
    ['the oldest request has waited the queue limit', { inflight: 40, loopDelayMs: 50, oldestInflightMs: 600 }, true],
    ['event loop late', { inflight: 40, loopDelayMs: 350, oldestInflightMs: 0 }, true],
    ['hard cap', { inflight: 500, loopDelayMs: 0, oldestInflightMs: 0 }, true],
  ])('%s', (_name, load, expected) => {
    expect(shouldShed(load, limits)).toBe(expected);
  });
});

describe('createLoadMonitor', () => {
  test('counts only begun and unfinished requests; a finished request frees its place at once', () => {
    const monitor = createLoadMonitor({ maxInflight: 2, maxQueueMs: 600, maxLoopDelayMs: 300 });
    try {
      const first = monitor.begin();
      expect(monitor.shouldShed()).toBe(false);
      const second = monitor.begin();
      expect(monitor.shouldShed()).toBe(true);
      first();
      first();
      expect(monitor.shouldShed()).toBe(false);
      second();
    } finally {
      monitor.stop();
    }
  });
});
