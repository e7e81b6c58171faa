import { describe, test, expect } from 'vitest';
import {
  createFallbackBaseline,
  estimateDispersion,
  expectedAt,
  learnBaseline,
} from '@/lib/detect/baseline';
import { FALLBACK_RATE_PER_MINUTE } from '@/lib/detect/thresholds';
import { schoolShapeRate, synthesize } from './synthetic';

const MIN = 60_000;
const PEAK = 2;
// Six weeks around zone A's winter break (22 Feb – 10 Mar 2025) and zone C's (15 Feb – 3 Mar).
const T0 = Date.parse('2025-01-27T00:00:00+01:00');
const MINUTES = 42 * 1440;

function history(
  academyId: string,
  options: { peak?: number; seed?: number; extra?: (t: number) => number } = {},
) {
  const { peak = PEAK, seed = 1, extra = () => 0 } = options;
  const rate = (t: number) => schoolShapeRate(t, academyId, peak) + extra(t);
  return { t0: T0, bucketMs: MIN, counts: synthesize({ t0: T0, minutes: MINUTES, rate, seed }) };
}

const lyon = learnBaseline({ history: history('lyon'), academyId: 'lyon' });
const paris = learnBaseline({ history: history('paris', { seed: 2 }), academyId: 'paris' });

function rateAt(model: typeof lyon, iso: string): number {
  return expectedAt(model, Date.parse(iso), MIN).mean;
}

describe('learnBaseline', () => {
  test.each([
    ['Tuesday 08:00 (school login peak)', '2025-02-11T08:00:00+01:00', PEAK],
    ['Tuesday 14:30', '2025-02-11T14:30:00+01:00', 0.5 * PEAK],
    ['Wednesday 14:30 (no afternoon classes)', '2025-02-12T14:30:00+01:00', 0.25 * PEAK],
    ['Saturday 14:30', '2025-02-15T14:30:00+01:00', 0.15 * PEAK],
    ['Tuesday 03:00', '2025-02-11T03:00:00+01:00', 0.02 * PEAK],
    ['Tuesday 4 March 10:00, zone A on holiday', '2025-03-04T10:00:00+01:00', 0.15 * PEAK],
  ])('lyon, %s', (_, iso, expected) => {
    expect(rateAt(lyon, iso)).toBeGreaterThan(expected * 0.8);
    expect(rateAt(lyon, iso)).toBeLessThan(expected * 1.2);
  });

  test('follows each académie calendar: 17 Feb 2025 is a holiday in zone C, not in zone A', () => {
    expect(rateAt(paris, '2025-02-17T08:00:00+01:00')).toBeLessThan(0.3 * PEAK);
    expect(rateAt(lyon, '2025-02-17T08:00:00+01:00')).toBeGreaterThan(0.8 * PEAK);
  });

  test('ignores a past outage: the baseline at its slot does not rise', () => {
    const start = Date.parse('2025-02-04T09:00:00+01:00');
    const extra = (t: number) => (t >= start && t < start + 120 * MIN ? 20 : 0);
    const withOutage = learnBaseline({ history: history('lyon', { extra }), academyId: 'lyon' });
    for (const iso of ['2025-02-11T09:30:00+01:00', '2025-02-11T10:30:00+01:00']) {
      expect(rateAt(withOutage, iso) / rateAt(lyon, iso)).toBeCloseTo(1, 1);
    }
  });

  test('learns from wider buckets and scales the mean with the bucket width', () => {
    const fine = history('lyon');
    const coarse = Float64Array.from({ length: fine.counts.length / 15 }, (_, i) =>
      fine.counts.slice(i * 15, i * 15 + 15).reduce((sum, c) => sum + c, 0),
    );
    const model = learnBaseline({
      history: { t0: T0, bucketMs: 15 * MIN, counts: coarse },
      academyId: 'lyon',
    });
    const t = Date.parse('2025-02-11T07:45:00+01:00');
    expect(expectedAt(model, t, 15 * MIN).mean).toBeGreaterThan(15 * PEAK * 0.8);
    expect(expectedAt(model, t, 15 * MIN).mean).toBeLessThan(15 * PEAK * 1.2);
  });

  test('uses local time overseas: La Réunion peaks at 08:00 local (04:00 UTC)', () => {
    const model = learnBaseline({ history: history('la-reunion'), academyId: 'la-reunion' });
    expect(rateAt(model, '2025-02-11T04:00:00Z')).toBeGreaterThan(0.8 * PEAK);
    expect(rateAt(model, '2025-02-11T07:00:00Z')).toBeLessThan(0.6 * PEAK);
  });

  test('lets a sparse series borrow the shape of a prior scaled by its share', () => {
    const sparse = learnBaseline({
      history: history('lyon', { peak: 0.04, seed: 3 }),
      academyId: 'lyon',
      prior: lyon,
    });
    expect(rateAt(sparse, '2025-02-11T08:00:00+01:00')).toBeGreaterThan(0.04 * 0.6);
    expect(rateAt(sparse, '2025-02-11T08:00:00+01:00')).toBeLessThan(0.04 * 1.5);
    expect(rateAt(sparse, '2025-02-12T14:30:00+01:00')).toBeLessThan(
      rateAt(sparse, '2025-02-11T14:30:00+01:00'),
    );
  });

  test('falls back to a generous, uncertain rate for a day type absent from the history', () => {
    const holidaysOnly = history('lyon');
    const from = (Date.parse('2025-02-22T00:00:00+01:00') - T0) / MIN;
    const counts = holidaysOnly.counts.slice(from, from + 14 * 1440);
    const t0 = T0 + from * MIN;
    const model = learnBaseline({ history: { t0, bucketMs: MIN, counts }, academyId: 'lyon' });
    const rentree = expectedAt(model, Date.parse('2025-03-11T08:00:00+01:00'), MIN);
    expect(rentree.mean).toBeGreaterThanOrEqual(FALLBACK_RATE_PER_MINUTE);
    expect(rentree.uncertainty).toBeGreaterThanOrEqual(1);
  });

  test('reports a larger uncertainty for a sparse series than for a dense one', () => {
    const sparse = learnBaseline({
      history: history('lyon', { peak: 0.04, seed: 3 }),
      academyId: 'lyon',
    });
    const t = Date.parse('2025-02-11T10:00:00+01:00');
    expect(expectedAt(sparse, t, MIN).uncertainty).toBeGreaterThan(
      expectedAt(lyon, t, MIN).uncertainty ?? 1,
    );
  });
});

describe('estimateDispersion', () => {
  test.each([
    [0, 0.05, 0.1],
    [0.3, 0.22, 0.38],
  ])('recovers a dispersion of %f from NB counts', (dispersion, low, high) => {
    const counts = synthesize({ t0: 0, minutes: 20_000, rate: () => 4, seed: 9, dispersion });
    const estimate = estimateDispersion(counts, new Float64Array(counts.length).fill(4));
    expect(estimate).toBeGreaterThanOrEqual(low);
    expect(estimate).toBeLessThanOrEqual(high);
  });
});

describe('createFallbackBaseline', () => {
  test('gives a flat generous rate with high uncertainty', () => {
    const model = createFallbackBaseline('paris');
    const expected = expectedAt(model, Date.parse('2025-02-11T08:00:00+01:00'), 5 * MIN);
    expect(model.isFallback).toBe(true);
    expect(expected.mean).toBeCloseTo(5 * FALLBACK_RATE_PER_MINUTE, 10);
    expect(expected.uncertainty).toBeGreaterThan(0.5);
  });
});
