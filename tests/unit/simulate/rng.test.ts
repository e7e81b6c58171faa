import { describe, test, expect } from 'vitest';
import {
  createNegBinomialSampler,
  createRng,
  createWeightedPicker,
  logGamma,
  sampleGamma,
  sampleNegBinomial,
  samplePoisson,
  type Rng,
} from '@/lib/simulate/rng';

const DRAWS = 60_000;

function moments(draw: () => number, n = DRAWS): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

function expectClose(actual: number, expected: number, relative: number, absolute = 0): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * expected + absolute);
}

describe('createRng', () => {
  test('returns the same sequence for the same seed and streams', () => {
    const a = createRng(7, 'x', 'y');
    const b = createRng(7, 'x', 'y');
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  test.each([
    [7, ['x'], 8, ['x']],
    [7, ['x'], 7, ['y']],
    [7, ['ab', 'c'], 7, ['a', 'bc']],
  ])('differs for seed %i %j vs %i %j', (seedA, streamsA, seedB, streamsB) => {
    const a = createRng(seedA, ...streamsA);
    const b = createRng(seedB, ...streamsB);
    expect(Array.from({ length: 5 }, a)).not.toEqual(Array.from({ length: 5 }, b));
  });

  test('draws uniformly in [0, 1)', () => {
    const rng = createRng(1);
    const draws = Array.from({ length: DRAWS }, rng);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const { mean, variance } = moments(rng);
    expectClose(mean, 0.5, 0.01);
    expectClose(variance, 1 / 12, 0.02);
  });
});

describe('samplePoisson', () => {
  test.each([0.02, 0.7, 3, 12, 29.9, 45, 400])('mean and variance match for mean %f', (mu) => {
    const rng = createRng(11, String(mu));
    const { mean, variance } = moments(() => samplePoisson(rng, mu));
    expectClose(mean, mu, 0.03, 0.003);
    expectClose(variance, mu, 0.05, 0.003);
  });

  test('returns 0 for a zero or negative mean', () => {
    const rng = createRng(1);
    expect([samplePoisson(rng, 0), samplePoisson(rng, -1)]).toEqual([0, 0]);
  });
});

describe('sampleGamma', () => {
  test.each([0.4, 1, 1 / 0.3, 10])('mean and variance equal the shape %f', (shape) => {
    const rng = createRng(3, String(shape));
    const { mean, variance } = moments(() => sampleGamma(rng, shape));
    expectClose(mean, shape, 0.03);
    expectClose(variance, shape, 0.08);
  });
});

describe('negative binomial', () => {
  const cases = [0.01, 0.3, 2, 8, 11.9, 20, 60];
  const samplers: [string, (rng: Rng) => (mu: number) => number][] = [
    ['createNegBinomialSampler', (rng) => createNegBinomialSampler(rng, 0.3)],
    ['sampleNegBinomial', (rng) => (mu) => sampleNegBinomial(rng, mu, 0.3)],
  ];
  describe.each(samplers)('%s', (_name, make) => {
    test.each(cases)('has var = μ + 0.3μ² for μ = %f', (mu) => {
      const sample = make(createRng(5, String(mu)));
      const { mean, variance } = moments(() => sample(mu));
      expectClose(mean, mu, 0.04, 0.002);
      expectClose(variance, mu + 0.3 * mu * mu, 0.1, 0.002);
    });
  });

  test('falls back to Poisson when dispersion is 0', () => {
    const sample = createNegBinomialSampler(createRng(9), 0);
    const { mean, variance } = moments(() => sample(4));
    expectClose(mean, 4, 0.03);
    expectClose(variance, 4, 0.06);
  });
});

describe('logGamma', () => {
  test.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [101, 363.73937555556347],
  ])('logGamma(%f) = %f', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 8);
  });
});

describe('createWeightedPicker', () => {
  test('picks items in proportion to their weights', () => {
    const pick = createWeightedPicker([
      ['a', 1],
      ['b', 3],
      ['c', 0],
    ] as const);
    const rng = createRng(2);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < DRAWS; i++) counts[pick(rng)]++;
    expectClose(counts.b / DRAWS, 0.75, 0.02);
    expect(counts.c).toBe(0);
  });

  test('throws on empty weights', () => {
    expect(() => createWeightedPicker([])).toThrow();
  });
});
