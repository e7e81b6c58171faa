import { describe, expect, test } from 'vitest';
import { createFallbackBaseline, learnBaseline } from '@/lib/detect/baseline';
import { FALLBACK_RATE_PER_MINUTE } from '@/lib/detect/thresholds';
import { academyComponents, assembleSeries, fineLayout, platformComponents, totalExpected } from '@/lib/series/assemble';
import { alignWindow } from '@/lib/series/window';

const FROM = Date.parse('2021-04-06T06:00:00Z');
const HOUR = 3_600_000;

describe('fineLayout', () => {
  test('samples baselines at the bucket width, 15 minutes at most', () => {
    expect(fineLayout(alignWindow(FROM, FROM + 3 * HOUR))).toEqual({ t0: FROM, bucketMs: 60_000, length: 180 });
    expect(fineLayout(alignWindow(FROM, FROM + 7 * 24 * HOUR))).toEqual({ t0: FROM, bucketMs: 15 * 60_000, length: 672 });
  });
});

describe('assembleSeries', () => {
  test('without baselines: observed only, band and expected total null', () => {
    const window = alignWindow(FROM, FROM + 3 * HOUR);
    const s = assembleSeries({ platformId: 'pronote', academyId: null, window, rows: [{ platformId: 'pronote', i: 2, reporters: 6 }], baselines: null });
    expect(s.t).toHaveLength(180);
    expect(s.t[1]).toBe(FROM + 60_000);
    expect(s.observed[2]).toBe(6);
    expect(s.band).toBeNull();
    expect(s.totals).toEqual({ reporters: 6, expected: null, peak: { t: FROM + 120_000, perMinute: 6 } });
  });

  test('fallback académie baselines give their flat rate per académie, summed', () => {
    const window = alignWindow(FROM, FROM + 24 * HOUR);
    const layout = fineLayout(window);
    const learnedAt = FROM - HOUR;
    const baselines = academyComponents(
      [
        { model: createFallbackBaseline('paris'), learnedAt },
        { model: createFallbackBaseline('paris'), learnedAt },
      ],
      layout,
    );
    const s = assembleSeries({ platformId: null, academyId: 'paris', window, rows: [], baselines });
    expect(s.bucketMinutes).toBe(5);
    for (const v of s.band?.expected ?? []) expect(v).toBeCloseTo(2 * FALLBACK_RATE_PER_MINUTE, 10);
    expect(s.band?.fallback).toBe(true);
    expect(s.band?.learnedAt).toBe(new Date(learnedAt).toISOString());
    expect(s.totals.expected).toBeCloseTo(2 * FALLBACK_RATE_PER_MINUTE * 24 * 60, 6);
  });

  test('a learned platform baseline follows the school-day shape: busier at 9:00 than at 3:00', () => {
    const t0 = Date.parse('2021-03-01T00:00:00+01:00');
    const days = 21;
    const counts = new Float64Array(days * 1440);
    for (let i = 0; i < counts.length; i++) {
      const hour = Math.floor((i % 1440) / 60);
      counts[i] = hour >= 8 && hour < 17 && i % 3 === 0 ? 1 : 0;
    }
    const model = learnBaseline({ history: { t0, bucketMs: 60_000, counts }, academyId: 'lyon' });
    const stored = { baselines: { shape: model, academies: { lyon: model }, totalDispersion: model.dispersion }, learnedAt: t0 };
    const window = alignWindow(Date.parse('2021-03-23T00:00:00+01:00'), Date.parse('2021-03-24T00:00:00+01:00'));
    const s = assembleSeries({ platformId: 'x', academyId: null, window, rows: [], baselines: platformComponents(stored, fineLayout(window)) });
    const at = (hhmm: string) => s.band?.expected[s.t.indexOf(Date.parse(`2021-03-23T${hhmm}:00+01:00`))] ?? NaN;
    expect(at('10:00')).toBeGreaterThan(0.2);
    expect(at('03:00')).toBeLessThan(0.05);
    expect(s.band?.high[s.t.indexOf(Date.parse('2021-03-23T10:00:00+01:00'))]).toBeGreaterThan(at('10:00'));
    expect(totalExpected(platformComponents(stored, fineLayout(window)).components[0] ?? { means: [], uncertainty: [], dispersion: 0 })).toBeCloseTo(s.totals.expected ?? 0, 6);
  });
});
