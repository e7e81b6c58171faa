import { describe, test, expect } from 'vitest';
import { expectedAt } from '@/lib/detect/baseline';
import { expectedTotalAt, learnPlatformBaselines } from '@/lib/detect/platform-baseline';
import { schoolShapeRate, synthesize } from './synthetic';

const MIN = 60_000;
const T0 = Date.parse('2025-01-27T00:00:00+01:00');
const MINUTES = 42 * 1440;

function history(academyId: string, peak: number, seed: number) {
  const rate = (t: number) => schoolShapeRate(t, academyId, peak);
  return {
    academyId,
    history: {
      t0: T0,
      bucketMs: MIN,
      counts: synthesize({ t0: T0, minutes: MINUTES, rate, seed }),
    },
  };
}

const baselines = learnPlatformBaselines({
  histories: [history('paris', 0.5, 1), history('lyon', 0.3, 2), history('lille', 0.05, 3)],
});

describe('learnPlatformBaselines', () => {
  test('uses the calendar of the busiest académie for the platform shape', () => {
    expect(baselines.shape.academyId).toBe('paris');
  });

  test('expects the platform total as the sum of its académies', () => {
    const t = Date.parse('2025-02-18T08:00:00+01:00');
    const sum = ['paris', 'lyon', 'lille'].reduce(
      (total, id) => total + expectedAt(baselines.academies[id]!, t, MIN).mean,
      0,
    );
    expect(expectedTotalAt(baselines, t, MIN).mean).toBeCloseTo(sum, 10);
  });

  test('keeps each académie on its own holiday calendar', () => {
    const t = Date.parse('2025-02-18T08:00:00+01:00');
    const paris = expectedAt(baselines.academies.paris!, t, MIN).mean;
    const lyon = expectedAt(baselines.academies.lyon!, t, MIN).mean;
    expect(paris).toBeLessThan(0.5 * 0.3);
    expect(lyon).toBeGreaterThan(0.3 * 0.8);
  });

  test('learns a sparse académie close to its true level', () => {
    const rate = expectedAt(
      baselines.academies.lille!,
      Date.parse('2025-01-28T08:00:00+01:00'),
      MIN,
    ).mean;
    expect(rate).toBeGreaterThan(0.05 * 0.6);
    expect(rate).toBeLessThan(0.05 * 1.5);
  });
});
