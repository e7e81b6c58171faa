import { describe, expect, test } from 'vitest';
import { createFallbackBaseline, type BaselineModel } from '@/lib/detect/baseline';
import { estimateDayFactors } from '@/lib/detect/day-factor';
import { createDetector } from '@/lib/detect/detector';
import { exceptionalDaySchema } from '@/lib/detect/exceptional-day-schema';
import { addToShape, emptyShapeSums, levelShiftFactor } from '@/lib/detect/level-shift';
import { detectPlainNb, PLAIN_NB_DEFAULTS } from '@/bench/lib/detect-eval/plain-nb-detector';
import { createGridProvider, type PlatformBaselines } from '@/lib/detect/platform-baseline';
import { scoreSeriesEpisodes } from '@/bench/lib/detect-eval/series-scores';
import type { Episode } from '@/lib/detect/types';

const MIN = 60_000;
const T0 = Date.parse('2021-03-08T00:00:00+01:00');

function flatModel(academyId: string, ratePerMinute: number, dispersion = 0.05): BaselineModel {
  const model = createFallbackBaseline(academyId);
  return { ...model, rates: model.rates.map(() => ratePerMinute), uncertainty: model.uncertainty.map(() => 0), dispersion, isFallback: false };
}

describe('levelShiftFactor', () => {
  const shape = (hours: number, counts: (mean: number) => number, swing = 4) => {
    const sums = emptyShapeSums();
    for (let m = 0; m < hours * 60; m++) {
      const mean = 1 + swing * Math.sin((m / (hours * 60)) * Math.PI);
      addToShape(sums, counts(mean), mean);
    }
    return levelShiftFactor(sums);
  };
  test.each([
    { name: 'counts following the baseline × 3', counts: (m: number) => 3 * m, expected: 3 },
    { name: 'the baseline plus 6 reporters a minute (an outage)', counts: (m: number) => m + 6, expected: null },
    { name: 'counts below the baseline', counts: (m: number) => 0.5 * m, expected: null },
    { name: '× 3 on a flat baseline (the shape cannot tell)', counts: (m: number) => 3 * m, expected: null, swing: 0 },
  ])('$name → $expected', ({ counts, expected, swing }) => {
    const factor = shape(3, counts, swing);
    if (expected === null) expect(factor).toBeNull();
    else expect(factor).toBeCloseTo(expected, 5);
  });
});

describe('createDetector level shifts', () => {
  const run = (extra: (mean: number) => number, minutes = 10 * 60) => {
    const detector = createDetector({ bucketMs: MIN });
    for (let i = 0; i < minutes; i++) {
      const mean = 3 + 2.5 * Math.sin((i / 240) * Math.PI);
      detector.step({ t: T0 + i * MIN, count: Math.round(extra(mean)) }, { mean, dispersion: 0.05 });
    }
    return detector.episodes();
  };
  test('a lasting ×4 level following the daily shape is closed as a level shift and re-learned', () => {
    const episodes = run((mean) => 4 * mean);
    expect(episodes).toHaveLength(1);
    expect(episodes[0]?.levelShift?.factor).toBeGreaterThan(3);
    expect(episodes[0]?.end).not.toBeNull();
  });
  test('a long outage (constant excess) stays an outage', () => {
    const episodes = run((mean) => mean + 15);
    expect(episodes.length).toBeGreaterThan(0);
    expect(episodes.every((e) => !e.levelShift)).toBe(true);
    expect(episodes[0]?.detectedAt).not.toBeNull();
  });
});

describe('estimateDayFactors', () => {
  const academies = ['paris', 'lille', 'lyon', 'rennes'];
  const platforms = ['a', 'b', 'c', 'd', 'e'];
  const layout = { t0: T0, bucketMs: MIN, length: 12 * 60 };
  const grids = createGridProvider();
  const baselines = new Map<string, PlatformBaselines>(
    platforms.map((p) => [p, { shape: flatModel('paris', 1), academies: Object.fromEntries(academies.map((a) => [a, flatModel(a, 1)])), totalDispersion: 0.05 }]),
  );
  const groups = (level: (platform: string, academy: string) => number) =>
    new Map(platforms.map((p) => [p, academies.map((a) => ({ academyId: a, counts: new Float64Array(layout.length).fill(level(p, a)) }))]));
  test.each([
    { name: 'an ordinary day', level: () => 1, declared: [], expected: 1 },
    { name: 'every service ×1.5 (distance learning)', level: () => 1.5, declared: [], expected: 1.5 },
    { name: 'one platform ×6 (its outage) does not move the others', level: (p: string) => (p === 'a' ? 6 : 1), declared: [], expected: 1 },
    { name: 'a strike, declared ×0.5 and seen', level: () => 0.5, declared: [{ date: '2021-03-08', academyId: null, factor: 0.5 }], expected: 0.5 },
  ])('$name → factor ≈ $expected by noon', ({ level, declared, expected }) => {
    const factors = estimateDayFactors({ layout, baselines, groups: groups(level), grids, declared });
    for (const a of academies) expect(factors.get(a)?.[layout.length - 1]).toBeCloseTo(expected, 1);
  });
  test('is causal: the first minute of a declared day starts at the declared factor', () => {
    const factors = estimateDayFactors({ layout, baselines, groups: groups(() => 3), grids, declared: [{ date: '2021-03-08', academyId: 'lyon', factor: 2 }] });
    expect(factors.get('lyon')?.[0]).toBe(2);
    expect(factors.get('paris')?.[0]).toBe(1);
  });
});

describe('scoreSeriesEpisodes', () => {
  const episode = (start: number, detectedAt: number | null, levelShift?: Episode['levelShift']): Episode => ({
    start, possibleAt: start, detectedAt, end: start + 30 * MIN, peakT: start, peakCount: 5, level: detectedAt ? 'detected' : 'possible', reporters: 20, maxScore: 10, ...(levelShift ? { levelShift } : {}),
  });
  const truth = { id: 'o1', platformId: 'p', academies: ['paris'], start: T0 + 600 * MIN, end: T0 + 660 * MIN, extraPerMinute: 5 };
  const options = { windowEnd: T0 + 1440 * MIN, seriesDays: 10, startSlackMs: 10 * MIN, endSlackMs: 30 * MIN, decisionLagMs: MIN };
  test.each([
    { name: 'a detection of the outage', scope: 'paris', e: episode(T0 + 601 * MIN, T0 + 602 * MIN), found: 1, falseDetected: 0, falsePossible: 0, delays: [3] },
    { name: 'the same on the platform total', scope: 'national', e: episode(T0 + 601 * MIN, T0 + 603 * MIN), found: 1, falseDetected: 0, falsePossible: 0, delays: [4] },
    { name: 'another académie at that time', scope: 'lille', e: episode(T0 + 601 * MIN, T0 + 602 * MIN), found: 0, falseDetected: 1, falsePossible: 1, delays: [] },
    { name: 'a possible blip at night', scope: 'paris', e: episode(T0 + 60 * MIN, null), found: 0, falseDetected: 0, falsePossible: 1, delays: [] },
    { name: 'a level shift that had been détectée', scope: 'paris', e: episode(T0 + 60 * MIN, T0 + 62 * MIN, { factor: 3, at: T0 + 240 * MIN }), found: 0, falseDetected: 1, falsePossible: 1, delays: [] },
  ])('$name', ({ scope, e, found, falseDetected, falsePossible, delays }) => {
    const scores = scoreSeriesEpisodes({ scoped: [{ platformId: 'p', scope, episodes: [e] }], truths: [truth], options });
    expect(scores).toMatchObject({ outages: 1, found, falseDetected, falsePossible, detectedDelays: delays });
  });
});

describe('detectPlainNb', () => {
  test.each([
    { name: 'flat background', counts: () => 2, episodes: 0 },
    { name: 'a jump to 20 a minute', counts: (i: number) => (i >= 100 && i < 130 ? 20 : 2), episodes: 1 },
  ])('$name → $episodes episode(s)', ({ counts, episodes }) => {
    const points = Array.from({ length: 300 }, (_, i) => ({ t: T0 + i * MIN, count: counts(i) }));
    const found = detectPlainNb({ points, expected: () => ({ mean: 2, dispersion: 0.1 }), config: { ...PLAIN_NB_DEFAULTS, bucketMs: MIN } });
    expect(found).toHaveLength(episodes);
    if (episodes > 0) expect(found[0]?.detectedAt).not.toBeNull();
  });
});

describe('exceptionalDaySchema', () => {
  test.each([
    { input: { date: '2021-04-06', scope: 'national', factor: '1.5', label: 'Enseignement à distance' }, ok: true },
    { input: { date: '2021-04-06', scope: 'lyon', factor: '0.5', label: 'Grève' }, ok: true },
    { input: { date: '2021-02-30', scope: 'national', factor: '1.5', label: 'x' }, ok: false },
    { input: { date: '06/04/2021', scope: 'national', factor: '1.5', label: 'x' }, ok: false },
    { input: { date: '2021-04-06', scope: 'atlantide', factor: '1.5', label: 'x' }, ok: false },
    { input: { date: '2021-04-06', scope: 'national', factor: '50', label: 'x' }, ok: false },
    { input: { date: '2021-04-06', scope: 'national', factor: 'beaucoup', label: 'x' }, ok: false },
    { input: { date: '2021-04-06', scope: 'national', factor: '1.5', label: '' }, ok: false },
    { input: { date: '2021-04-06', scope: 'national', factor: '1.5', label: 'x', extra: 1 }, ok: false },
  ])('$input → ok $ok', ({ input, ok }) => {
    expect(exceptionalDaySchema.safeParse(input).success).toBe(ok);
  });
});
