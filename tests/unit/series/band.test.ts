import { describe, expect, test } from 'vitest';
import { BAND_SIGMAS, bucketMoments, buildBand, subMinutesFor } from '@/lib/series/band';
import { CORRELATED_DISPERSION_SHARE } from '@/lib/detect/thresholds';

describe('bucketMoments', () => {
  test('a Poisson component (no dispersion, exact baseline) has variance = mean', () => {
    const c = { means: [2, 2, 2, 2], uncertainty: [0, 0, 0, 0], dispersion: 0 };
    expect(bucketMoments(c, 0, 4, 1)).toEqual({ mean: 8, variance: 8 });
  });

  test('overdispersion partly averages out over minutes; baseline uncertainty does not', () => {
    const d = 0.5;
    const c = { means: [1, 1, 1, 1], uncertainty: [0.1, 0.1, 0.1, 0.1], dispersion: d };
    const { mean, variance } = bucketMoments(c, 0, 4, 1);
    const share = CORRELATED_DISPERSION_SHARE;
    expect(mean).toBe(4);
    expect(variance).toBeCloseTo(4 + d * (share * 16 + (1 - share) * 4) + 4 * 0.4, 10);
  });

  test('coarser sampling of the same rate gives the same moments', () => {
    const fine = { means: new Array(15).fill(0.2), uncertainty: new Array(15).fill(0.05), dispersion: 0.3 };
    const coarse = { means: [3], uncertainty: [0.05], dispersion: 0.3 };
    const a = bucketMoments(fine, 0, 15, 1);
    const b = bucketMoments(coarse, 0, 1, 15);
    expect(b.mean).toBeCloseTo(a.mean, 10);
    expect(b.variance).toBeCloseTo(a.variance, 10);
  });
});

describe('buildBand', () => {
  test('per-minute expected level and ± 2 sd range, floored at 0', () => {
    const c = { means: [5, 5, 0.1, 0.1], uncertainty: [0, 0, 0, 0], dispersion: 0 };
    const band = buildBand({ components: [c], length: 2, subMinutes: 5, bucketMinutes: 10 });
    expect(band.expected).toEqual([1, 0.02]);
    expect(band.high[0]).toBeCloseTo((10 + BAND_SIGMAS * Math.sqrt(10)) / 10, 10);
    expect(band.low[0]).toBeCloseTo((10 - BAND_SIGMAS * Math.sqrt(10)) / 10, 10);
    expect(band.low[1]).toBe(0);
  });

  test('independent components add means and variances', () => {
    const a = { means: [4], uncertainty: [0], dispersion: 0 };
    const b = { means: [5], uncertainty: [0], dispersion: 0 };
    const band = buildBand({ components: [a, b], length: 1, subMinutes: 1, bucketMinutes: 1 });
    expect(band.expected).toEqual([9]);
    expect(band.high[0]).toBeCloseTo(9 + BAND_SIGMAS * 3, 10);
  });
});

describe('subMinutesFor', () => {
  test('samples at the bucket width up to the 15-minute baseline slots', () => {
    expect([1, 2, 5, 10, 15, 30, 60, 120].map(subMinutesFor)).toEqual([1, 2, 5, 10, 15, 15, 15, 15]);
  });
});
