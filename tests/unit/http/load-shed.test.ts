import { describe, expect, test } from 'vitest';
import { shouldShed } from '@/lib/http/load-shed';

describe('shouldShed', () => {
  const limits = { maxInflight: 100, maxLoopDelayMs: 400 };
  test.each([
    [{ inflight: 0, loopDelayMs: 0 }, false],
    [{ inflight: 99, loopDelayMs: 399 }, false],
    [{ inflight: 100, loopDelayMs: 0 }, true],
    [{ inflight: 3, loopDelayMs: 450 }, true],
  ])('sheds %j: %s', (load, expected) => {
    expect(shouldShed(load, limits)).toBe(expected);
  });
});
