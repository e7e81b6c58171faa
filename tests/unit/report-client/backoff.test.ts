import { describe, expect, test } from 'vitest';
import { computeRetryDelayMs, parseRetryAfter, RETRY_AFTER_MAX_MS, RETRY_MAX_MS } from '@/lib/report-client/backoff';

describe('computeRetryDelayMs', () => {
  test.each([
    [1, 0, 1_000],
    [1, 0.999_999, 2_000],
    [2, 0.5, 3_000],
    [3, 0, 4_000],
    [20, 0, RETRY_MAX_MS / 2],
    [20, 1, RETRY_MAX_MS],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(computeRetryDelayMs({ attempt, random: () => random })).toBe(Math.round(expected));
  });

  test('spreads retries of many phones over half the window (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, (_, i) => computeRetryDelayMs({ attempt: 5, random: () => i / 50 })));
    expect(delays.size).toBe(50);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(16_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(32_000);
  });

  test('waits at least the Retry-After, capped at one hour', () => {
    expect(computeRetryDelayMs({ attempt: 1, random: () => 0, retryAfterMs: 30_000 })).toBe(30_000);
    expect(computeRetryDelayMs({ attempt: 1, random: () => 0, retryAfterMs: 10 * RETRY_AFTER_MAX_MS })).toBe(RETRY_AFTER_MAX_MS);
    expect(computeRetryDelayMs({ attempt: 9, random: () => 1, retryAfterMs: 5_000 })).toBe(RETRY_MAX_MS);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-10T08:00:00Z');
  test.each<[string | null, number | undefined]>([
    [null, undefined],
    ['', undefined],
    ['7', 7_000],
    [' 120 ', 120_000],
    ['Tue, 10 Mar 2026 08:01:30 GMT', 90_000],
    ['Tue, 10 Mar 2026 07:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
  ])('reads %j as %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
