import { describe, expect, test } from 'vitest';
import { baselineFactorGiven, type WindowSums } from '@/lib/detect/window-scan';

/** Sums of a window of `buckets` buckets expecting `mean` each with relative variance `u`. */
function window(count: number, mean: number, u: number, buckets = 5): WindowSums {
  return {
    count,
    mean: mean * buckets,
    squaredMean: mean * mean * buckets,
    meanUncertainty: mean * u * buckets,
  };
}

describe('baselineFactorGiven', () => {
  test('keeps an exact baseline (no uncertainty, no persistent overdispersion)', () => {
    expect(baselineFactorGiven(window(20, 0.5, 0), 0.3, 0)).toBe(1);
  });

  test('barely moves a well-known baseline and raises an uncertain one', () => {
    const known = baselineFactorGiven(window(15, 0.6, 0.01), 0.05, 0.2);
    const uncertain = baselineFactorGiven(window(15, 0.6, 0.25), 0.05, 0.2);
    expect(known).toBeGreaterThan(1);
    expect(known).toBeLessThan(1.5);
    expect(uncertain).toBeGreaterThan(2 * known);
    expect(uncertain).toBeLessThan(15 / 3);
  });

  test('lowers the baseline after a window below expectations', () => {
    expect(baselineFactorGiven(window(0, 2, 0.25), 0.3, 0.2)).toBeLessThan(1);
  });

  test('is 1 for an empty window', () => {
    expect(baselineFactorGiven(window(0, 0, 0.25, 0), 0.3, 0.2)).toBe(1);
  });
});
