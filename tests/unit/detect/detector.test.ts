import { describe, test, expect } from 'vitest';
import { createFallbackBaseline, expectedAt } from '@/lib/detect/baseline';
import { createDetector, detectSeries } from '@/lib/detect/detector';
import type { CountPoint, Expectation } from '@/lib/detect/types';
import { schoolShapeRate, synthesize } from './synthetic';

const MIN = 60_000;
const T0 = Date.parse('2025-03-11T06:00:00Z');
const QUIET: Expectation = { mean: 0.2, dispersion: 0.3 };

/** 1-minute series of `minutes` buckets: 0 except the given minute → count entries. */
function series(minutes: number, counts: Record<number, number>): CountPoint[] {
  return Array.from({ length: minutes }, (_, i) => ({ t: T0 + i * MIN, count: counts[i] ?? 0 }));
}

function burst(from: number, to: number, perMinute: number): Record<number, number> {
  return Object.fromEntries(Array.from({ length: to - from }, (_, i) => [from + i, perMinute]));
}

function run(points: CountPoint[], expected: Expectation = QUIET) {
  return detectSeries({ series: points, expected: () => expected, bucketMs: MIN });
}

describe('detectSeries', () => {
  test('raises no alarm on background at the expected level', () => {
    const background = Object.fromEntries(
      Array.from({ length: 240 }, (_, i) => [i, i % 5 === 0 ? 1 : 0]),
    );
    expect(run(series(240, background)).alarms).toEqual([]);
  });

  test('detects an outage and dates the alarm at its first anomalous bucket', () => {
    const { alarms, episodes } = run(series(120, burst(60, 90, 6)));
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ t: T0 + 60 * MIN, level: 'detected' });
    expect(episodes[0]?.possibleAt).toBeGreaterThanOrEqual(T0 + 60 * MIN);
    expect(episodes[0]?.possibleAt).toBeLessThanOrEqual(T0 + 62 * MIN);
    expect(episodes[0]?.end).toBe(T0 + 90 * MIN);
    expect(alarms[0]?.score).toBe(episodes[0]?.maxScore);
  });

  test('backtracks the start of a slowly rising outage to its first anomalous bucket', () => {
    const { alarms, episodes } = run(
      series(120, { 38: 1, 40: 2, 41: 1, 42: 2, 43: 1, 44: 2, 45: 3, 46: 4, 47: 5, 48: 6 }),
    );
    expect(alarms[0]?.t).toBe(T0 + 40 * MIN);
    expect(episodes[0]?.possibleAt).toBeGreaterThan(T0 + 42 * MIN);
  });

  test.each([
    ['a night trickle of 3 reports', { 10: 1, 20: 1, 35: 1 }],
    ['3 reports in the same minute', { 10: 3 }],
    ['3 reports in 3 minutes', { 10: 1, 11: 1, 12: 1 }],
  ])('raises no alarm on %s even with a near-zero baseline', (_, counts) => {
    expect(run(series(120, counts), { mean: 0.0005, dispersion: 0.3 }).alarms).toEqual([]);
  });

  test("raises only 'possible' on a small cluster far above a quiet baseline", () => {
    const { alarms } = run(series(60, { 20: 2, 21: 1, 22: 2 }), { mean: 0.01, dispersion: 0.3 });
    expect(alarms.map((a) => a.level)).toEqual(['possible']);
  });

  test("escalates a sustained 'possible' episode to 'detected' on its whole-episode evidence", () => {
    const counts = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [20 + i, i % 5 === 0 ? 2 : 1]),
    );
    const { episodes } = run(series(120, counts), {
      mean: 0.05,
      dispersion: 0.3,
      uncertainty: 0.1,
    });
    expect(episodes).toHaveLength(1);
    expect(episodes[0]?.level).toBe('detected');
    expect(episodes[0]?.detectedAt).toBeGreaterThan(episodes[0]?.possibleAt ?? Infinity);
  });

  test('does not flicker: an outage with quiet minutes stays one episode', () => {
    const counts = burst(30, 90, 3);
    for (const minute of [40, 41, 55, 56, 57, 70]) counts[minute] = 0;
    const { episodes } = run(series(150, counts));
    expect(episodes).toHaveLength(1);
    expect(episodes[0]?.end).toBe(T0 + 90 * MIN);
  });

  test.each([
    ['merges two bursts ten minutes apart', 55, 1],
    ['keeps bursts two hours apart separate', 220, 2],
  ])('%s', (_, secondStart, expected) => {
    const counts = { ...burst(30, 45, 6), ...burst(secondStart, secondStart + 15, 6) };
    const { episodes } = run(series(300, counts));
    expect(episodes).toHaveLength(expected);
    if (expected === 1) expect(episodes[0]?.start).toBe(T0 + 30 * MIN);
  });

  test('closes quickly after the outage while long windows still hold its reports', () => {
    const { episodes } = run(series(200, burst(30, 60, 10)));
    expect(episodes).toHaveLength(1);
    expect(episodes[0]?.end).toBe(T0 + 60 * MIN);
  });
});

describe("sequential confirmation of a 'possible' episode", () => {
  const DAY0 = Date.parse('2025-03-11T00:00:00+01:00');
  const NO_CONFIRMATION = { confirmScore: Infinity };

  /** Evenly spread counts whose running total follows `total` (minutes → expected reporters). */
  function spread(total: (minute: number) => number, minutes = 240): CountPoint[] {
    return Array.from({ length: minutes }, (_, i) => ({
      t: T0 + i * MIN,
      count: Math.floor(total(i + 1)) - Math.floor(total(i)),
    }));
  }

  /** Background at `mean` per minute plus a linear ramp (`slope` per minute²) from minute 60. */
  function rampSeries(mean: number, slope: number): CountPoint[] {
    return spread((m) => mean * m + (m > 60 ? (slope * (m - 60) ** 2) / 2 : 0));
  }

  function levels(episodes: { level: string }[]): string[] {
    return episodes.map((episode) => episode.level);
  }

  test.each([
    [0.2, 0.01],
    [0.1, 0.05],
  ])(
    'escalates a slow ramp over %s/min (baseline uncertainty %s) before its whole-episode evidence',
    (mean, uncertainty) => {
      const points = rampSeries(mean, 0.025);
      const expected = () => ({ mean, dispersion: 0.3, uncertainty });
      const run = (config = {}) =>
        detectSeries({ series: points, expected, bucketMs: MIN, config });
      const [episode] = run().episodes;
      const [reference] = run(NO_CONFIRMATION).episodes;
      expect(episode?.level).toBe('detected');
      expect(reference?.possibleAt).toBe(episode?.possibleAt);
      expect(episode?.detectedAt).toBeLessThanOrEqual((episode?.possibleAt ?? 0) + 6 * MIN);
      expect(reference?.detectedAt).toBeGreaterThanOrEqual((episode?.detectedAt ?? 0) + 5 * MIN);
    },
  );

  test('does not escalate on persistence alone when the baseline itself is uncertain', () => {
    // 8 times a stand-in baseline (relative variance 0.25) for 90 minutes: a baseline that far off
    // is unlikely but not enough so; an outage this long and this strong against an exact baseline
    // is detected.
    const mean = 0.2;
    const points = spread((m) => mean * m + (m > 60 ? 7 * mean * (Math.min(m, 150) - 60) : 0));
    const run = (uncertainty: number) =>
      detectSeries({
        series: points,
        expected: () => ({ mean, dispersion: 0.3, uncertainty }),
        bucketMs: MIN,
      });
    expect(levels(run(0.25).episodes)).toEqual(['possible']);
    expect(levels(run(0.1).episodes)).toEqual(['detected']);
  });

  test.each([1, 2, 3, 4, 5])('raises no alarm on a clean school day (seed %i)', (seed) => {
    const rate = (t: number) => schoolShapeRate(t, 'paris', 2);
    const counts = synthesize({ t0: DAY0, minutes: 1440, rate, seed, dispersion: 0.3 });
    const series = Array.from(counts, (count, i) => ({ t: DAY0 + i * MIN, count }));
    const expected = (t: number) => ({ mean: rate(t), dispersion: 0.3, uncertainty: 0.05 });
    expect(detectSeries({ series, expected, bucketMs: MIN }).alarms).toEqual([]);
  });

  test("leaves 'possible' the blips of clean days followed by ordinary background", () => {
    const found: string[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const rate = (t: number) => schoolShapeRate(t, 'paris', 0.5);
      const counts = synthesize({ t0: DAY0, minutes: 1440, rate, seed, dispersion: 0.3 });
      counts[540 + seed * 5] = (counts[540 + seed * 5] ?? 0) + 9;
      const series = Array.from(counts, (count, i) => ({ t: DAY0 + i * MIN, count }));
      const expected = (t: number) => ({ mean: rate(t), dispersion: 0.3, uncertainty: 0.05 });
      const run = (config = {}) => detectSeries({ series, expected, bucketMs: MIN, config });
      const reference = levels(run(NO_CONFIRMATION).episodes);
      if (reference.join() === 'possible') found.push(levels(run().episodes).join());
    }
    expect(found.length).toBeGreaterThanOrEqual(20);
    expect(found.every((level) => level === 'possible')).toBe(true);
  });

  test.each([
    ['4 reports, then a 5th one', { 10: 2, 11: 2, 20: 1 }],
    ['6 reports, one every 6 minutes', { 10: 1, 16: 1, 22: 1, 28: 1, 34: 1, 40: 1 }],
  ])("does not escalate a night trickle of %s beyond 'possible'", (_, counts) => {
    const { episodes } = run(series(120, counts), { mean: 0.0005, dispersion: 0.3 });
    expect(levels(episodes)).toEqual(['possible']);
  });
});

describe('createDetector', () => {
  test('is causal: each decision is the same when the series is cut right after it', () => {
    const counts = { ...burst(30, 50, 4), 70: 2, 71: 3, ...burst(100, 110, 8) };
    const points = series(160, counts);
    const full = createDetector({ bucketMs: MIN });
    const levels = points.map((p) => full.step(p, QUIET));
    for (const cut of [29, 31, 35, 49, 55, 71, 101, 115, 159]) {
      const truncated = createDetector({ bucketMs: MIN });
      let last = { level: 'normal', score: 0 };
      for (const p of points.slice(0, cut + 1)) last = truncated.step(p, QUIET);
      expect(last).toEqual(levels[cut]);
    }
  });

  test('keeps its level while an episode is open (hysteresis), then returns to normal', () => {
    const detector = createDetector({ bucketMs: MIN });
    const levels = series(100, burst(20, 40, 6)).map((p) => detector.step(p, QUIET).level);
    const firstAlarm = levels.indexOf('detected');
    const lastAlarm = levels.lastIndexOf('detected');
    expect(levels.slice(firstAlarm, lastAlarm + 1).every((level) => level === 'detected')).toBe(
      true,
    );
    expect(levels.at(-1)).toBe('normal');
  });

  test('rejects points that do not move forward in time', () => {
    const detector = createDetector({ bucketMs: MIN });
    detector.step({ t: T0, count: 0 }, QUIET);
    expect(() => detector.step({ t: T0, count: 0 }, QUIET)).toThrow();
  });
});

describe('fallback baseline (no history)', () => {
  const model = createFallbackBaseline('paris');
  const expected = (t: number) => expectedAt(model, t, MIN);

  test('does not fire on the first three reports of the day', () => {
    const points = series(180, { 120: 1, 121: 1, 123: 1 });
    expect(detectSeries({ series: points, expected, bucketMs: MIN }).alarms).toEqual([]);
  });

  test('still detects a real burst', () => {
    const points = series(180, burst(100, 120, 5));
    const { alarms } = detectSeries({ series: points, expected, bucketMs: MIN });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.level).toBe('detected');
  });
});
