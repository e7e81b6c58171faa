import { describe, test, expect } from 'vitest';
import { logUpperTail, surpriseScore, upperTail } from '@/lib/detect/nb-test';
import { logGamma } from '@/lib/detect/special-functions';

function exactPoissonTail(k: number, mean: number): number {
  let below = 0;
  let p = Math.exp(-mean);
  for (let x = 0; x < k; x++) {
    below += p;
    p *= mean / (x + 1);
  }
  return 1 - below;
}

function exactNbTail(k: number, mean: number, dispersion: number): number {
  const r = 1 / dispersion;
  const q = mean / (r + mean);
  let below = 0;
  for (let x = 0; x < k; x++) {
    below += Math.exp(
      logGamma(x + r) - logGamma(r) - logGamma(x + 1) + r * Math.log1p(-q) + x * Math.log(q),
    );
  }
  return 1 - below;
}

describe('upperTail', () => {
  test.each([
    [3, 0.1, 1.5465307026e-4],
    [1, 0.5, 0.3934693403],
    [5, 2, 0.0526530173],
    [20, 10, 0.003454342],
  ])('Poisson P(X >= %i | mean %f) = %f', (k, mean, expected) => {
    expect(upperTail(k, { mean, dispersion: 0 })).toBeCloseTo(expected, 9);
    expect(upperTail(k, { mean, dispersion: 0 }) / exactPoissonTail(k, mean)).toBeCloseTo(1, 9);
  });

  test.each([
    [3, 0.1, 0.3],
    [5, 2, 0.3],
    [20, 10, 0.5],
    [2, 3, 0.2],
    [40, 20, 0.05],
  ])('NB P(X >= %i | mean %f, dispersion %f) matches the summed pmf', (k, mean, dispersion) => {
    expect(upperTail(k, { mean, dispersion }) / exactNbTail(k, mean, dispersion)).toBeCloseTo(1, 8);
  });

  test.each([1, 2, 4, 10])('dispersion 1, mean 1 is geometric: P(X >= %i) = 2^-k', (k) => {
    expect(upperTail(k, { mean: 1, dispersion: 1 })).toBeCloseTo(0.5 ** k, 12);
  });

  test('tends to the Poisson tail as dispersion → 0', () => {
    const poisson = upperTail(8, { mean: 2, dispersion: 0 });
    expect(upperTail(8, { mean: 2, dispersion: 1e-6 }) / poisson).toBeCloseTo(1, 4);
    expect(upperTail(8, { mean: 2, dispersion: 0.3 })).toBeGreaterThan(poisson);
  });

  test.each([
    [0, 0.5, 1],
    [-2, 0.5, 1],
    [1, 0, 0],
  ])('P(X >= %i | mean %f) = %f at the edges', (k, mean, expected) => {
    expect(upperTail(k, { mean, dispersion: 0.3 })).toBe(expected);
  });
});

describe('logUpperTail', () => {
  test('stays finite far in the tail where the probability underflows', () => {
    const log = logUpperTail(400, { mean: 1, dispersion: 0 });
    expect(Number.isFinite(log)).toBe(true);
    expect(log / Math.LN10).toBeLessThan(-800);
    expect(Number.isFinite(logUpperTail(400, { mean: 1, dispersion: 0.3 }))).toBe(true);
  });
});

describe('surpriseScore', () => {
  test.each([
    [0, 1, 0],
    [1, 1, 0],
    [3, 0.1, 3.81],
  ])('count %i over mean %f scores %f', (k, mean, expected) => {
    expect(surpriseScore(k, { mean, dispersion: 0 })).toBeCloseTo(expected, 2);
  });

  test('increases with the count and decreases with the dispersion', () => {
    const low = surpriseScore(6, { mean: 1, dispersion: 0.3 });
    expect(surpriseScore(8, { mean: 1, dispersion: 0.3 })).toBeGreaterThan(low);
    expect(surpriseScore(6, { mean: 1, dispersion: 1 })).toBeLessThan(low);
  });
});
