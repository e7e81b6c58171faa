import { describe, expect, test } from 'vitest';
import { createFallbackBaseline, expectedAt, type BaselineModel } from '@/lib/detect/baseline';
import type { PlatformBaselines } from '@/lib/detect/platform-baseline';
import { expectedOverWindow } from '@/lib/map-state/expected';
import { FALLBACK_RATE_PER_MINUTE } from '@/lib/detect/thresholds';

const at = new Date('2021-04-06T07:02:00Z');

/** A model whose rate is `rate` per minute in every cell. */
function flat(academyId: string, rate: number): BaselineModel {
  const fallback = createFallbackBaseline(academyId);
  return { ...fallback, rates: fallback.rates.map(() => rate), isFallback: false };
}

describe('expectedOverWindow', () => {
  test('integrates the académie model over the window', () => {
    const baselines: PlatformBaselines = { shape: flat('paris', 1), academies: { paris: flat('paris', 0.4) }, totalDispersion: 0.3 };
    const expected = expectedOverWindow({ baselines, academies: ['paris'], at, windowMinutes: 30 });
    expect(expected.get('paris')).toBeCloseTo(12);
  });

  test('follows the time of day of a learned shape (matches the per-minute sum)', () => {
    const model = flat('lille', 0);
    model.rates = model.rates.map((_, i) => (i % 96) / 10);
    const baselines: PlatformBaselines = { shape: model, academies: { lille: model }, totalDispersion: 0.3 };
    const expected = expectedOverWindow({ baselines, academies: ['lille'], at, windowMinutes: 30 }).get('lille') ?? 0;
    let perMinute = 0;
    for (let m = 30; m > 0; m--) perMinute += expectedAt(model, at.getTime() - m * 60_000, 60_000).mean;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeCloseTo(perMinute, 1);
  });

  test('falls back to the no-history rate without baselines, or for an académie missing from them', () => {
    const baselines: PlatformBaselines = { shape: flat('paris', 1), academies: { paris: flat('paris', 0.4) }, totalDispersion: 0.3 };
    expect(expectedOverWindow({ baselines: null, academies: ['paris'], at, windowMinutes: 30 }).get('paris')).toBeCloseTo(30 * FALLBACK_RATE_PER_MINUTE);
    expect(expectedOverWindow({ baselines, academies: ['guyane'], at, windowMinutes: 30 }).get('guyane')).toBeCloseTo(30 * FALLBACK_RATE_PER_MINUTE);
  });
});
