import { describe, expect, test } from 'vitest';
import { backoffDelayMs } from '@/lib/domain/backoff';

describe('backoffDelayMs', () => {
  test.each([
    [0, 0, 500],
    [0, 1, 1_000],
    [3, 1, 8_000],
    [20, 1, 30_000],
    [20, 0, 15_000],
  ])('after %i failures with random %d: %i ms', (failures, random, expected) => {
    expect(backoffDelayMs(failures, { baseMs: 1_000, maxMs: 30_000 }, () => random)).toBe(expected);
  });
});
