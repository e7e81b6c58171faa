import { describe, expect, test } from 'vitest';
import { createLoadMonitor, expectedWaitMs, MIN_INFLIGHT_TO_SHED, shouldShed } from '@/lib/server/load-shed';

describe('shouldShed', () => {
  const limits = { maxInflight: 500, maxWaitMs: 150, maxQueueMs: 600, maxLoopDelayMs: 300 };
  test.each([
    ['idle', { inflight: 0, loopDelayMs: 0, oldestInflightMs: 0, serviceRate: null }, false],
    ['a burst after a quiet spell, rate not known yet', { inflight: 100, loopDelayMs: 20, oldestInflightMs: 120, serviceRate: null }, false],
    ['a burst whose queue has not waited yet', { inflight: 100, loopDelayMs: 20, oldestInflightMs: 40, serviceRate: 300 }, false],
    ['few in flight, even with a late loop and a slow request', { inflight: 7, loopDelayMs: 900, oldestInflightMs: 900, serviceRate: 1 }, false],
    ['busy but keeping up: the queue drains within the budget', { inflight: 200, loopDelayMs: 20, oldestInflightMs: 90, serviceRate: 2000 }, false],
    ['a standing queue: 64 ahead at 400/s is 160 ms of wait', { inflight: 64, loopDelayMs: 10, oldestInflightMs: 80, serviceRate: 400 }, true],
    ['the same queue with a late event loop', { inflight: 32, loopDelayMs: 120, oldestInflightMs: 60, serviceRate: 800 }, true],
    ['nothing finishing while busy (database stalled)', { inflight: 10, loopDelayMs: 5, oldestInflightMs: 200, serviceRate: 0 }, true],
    ['the oldest request has waited the queue limit', { inflight: 40, loopDelayMs: 50, oldestInflightMs: 600, serviceRate: null }, true],
    ['event loop late', { inflight: 40, loopDelayMs: 350, oldestInflightMs: 0, serviceRate: 2000 }, true],
    ['hard cap', { inflight: 500, loopDelayMs: 0, oldestInflightMs: 0, serviceRate: 2000 }, true],
  ])('%s', (_name, load, expected) => {
    expect(shouldShed(load, limits)).toBe(expected);
  });

  test('expectedWaitMs: the loop delay, then the requests ahead and this one at the service rate', () => {
    expect(expectedWaitMs({ inflight: 49, loopDelayMs: 20, oldestInflightMs: 0, serviceRate: 500 })).toBe(120);
    expect(expectedWaitMs({ inflight: 49, loopDelayMs: 20, oldestInflightMs: 0, serviceRate: null })).toBe(20);
  });
});

describe('createLoadMonitor', () => {
  const limits = { maxInflight: 2, maxWaitMs: 150, maxQueueMs: 600, maxLoopDelayMs: 300 };

  test('counts only begun and unfinished requests; a finished request frees its place at once', () => {
    const monitor = createLoadMonitor(limits);
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

  test('the service rate is per second of busy time: a burst after a quiet spell is admitted, a queue beyond what it serves in the budget is not', () => {
    let now = 10_000;
    const monitor = createLoadMonitor({ ...limits, maxInflight: 1000 }, { now: () => now });
    const work = (n: number) => Array.from({ length: n }, () => monitor.begin());
    try {
      // A quiet second, then a burst of 100 answered in one 100 ms batch.
      now += 1000;
      const burst = work(100);
      now += 60;
      expect(monitor.shouldShed()).toBe(false);
      now += 40;
      for (const done of burst) done();
      // 100 finished in 160 ms busy (625/s): 60 at work for 60 ms expect ~100 ms: admitted.
      const second = work(60);
      now += 60;
      expect(monitor.shouldShed()).toBe(false);
      // They take 400 ms: 160 in 560 ms busy is about 290/s, and 60 more at work expect over 200 ms: refused.
      now += 340;
      for (const done of second) done();
      const third = work(60);
      now += 60;
      expect(monitor.shouldShed()).toBe(true);
      // Below the minimum at work nothing is refused.
      for (const done of third.slice(MIN_INFLIGHT_TO_SHED - 1)) done();
      expect(monitor.shouldShed()).toBe(false);
      for (const done of third.slice(0, MIN_INFLIGHT_TO_SHED - 1)) done();
      // Busy for a second with nothing finished (database stalled): refused once the oldest has waited.
      now += 5000;
      const stalled = work(MIN_INFLIGHT_TO_SHED);
      now += 1000;
      expect(monitor.shouldShed()).toBe(true);
      for (const done of stalled) done();
    } finally {
      monitor.stop();
    }
  });
});
