import { describe, expect, test } from 'vitest';
import { createFallbackBaseline, expectedOnGrid, type BaselineModel } from '@/lib/detect/baseline';
import { adoptLevelShifts, levelFactorAt, levelFactorsOnLayout, rebaseLevels } from '@/lib/detect/level-factors';
import { createGridProvider, type PlatformBaselines } from '@/lib/detect/platform-baseline';
import { detectPlatformWindow } from '@/lib/detect/run-platform';

const MIN = 60_000;
const T0 = Date.parse('2021-03-08T00:00:00Z');
const grids = createGridProvider();

function flatModel(academyId: string, rate: number): BaselineModel {
  const model = createFallbackBaseline(academyId);
  return { ...model, rates: model.rates.map(() => rate), uncertainty: model.uncertainty.map(() => 0.01), dispersion: 0.05, isFallback: false };
}

function baselinesOf(models: BaselineModel[]): PlatformBaselines {
  return { shape: models[0]!, academies: Object.fromEntries(models.map((m) => [m.academyId, m])), totalDispersion: 0.05 };
}

describe('levelFactorAt and levelFactorsOnLayout', () => {
  const steps = [{ since: T0 + 10 * MIN, factor: 2 }, { since: T0 + 20 * MIN, factor: 3 }];

  test('is 1 before the first step, then the factor of the last step begun', () => {
    expect(levelFactorAt(steps, T0)).toBe(1);
    expect(levelFactorAt(steps, T0 + 10 * MIN)).toBe(2);
    expect(levelFactorAt(steps, T0 + 19 * MIN)).toBe(2);
    expect(levelFactorAt(steps, T0 + 25 * MIN)).toBe(3);
    expect(levelFactorAt(undefined, T0)).toBe(1);
  });

  test('gives one factor per bucket, or null for a series without levels', () => {
    const layout = { t0: T0 + 9 * MIN, bucketMs: MIN, length: 13 };
    expect([...levelFactorsOnLayout(steps, layout)!]).toEqual([1, ...Array(10).fill(2), 3, 3]);
    expect(levelFactorsOnLayout([], layout)).toBeNull();
  });
});

describe('adoptLevelShifts', () => {
  test('a shift recognised under an adopted level multiplies it; other series keep theirs', () => {
    const first = adoptLevelShifts(undefined, [{ scope: 'lille', factor: 2.5, since: T0 }], T0);
    expect(first).toEqual({ lille: [{ since: T0, factor: 2.5 }] });
    const second = adoptLevelShifts({ ...first, lyon: [{ since: T0, factor: 3 }] }, [{ scope: 'lille', factor: 1.6, since: T0 + 60 * MIN }], T0);
    expect(second.lille).toEqual([{ since: T0, factor: 2.5 }, { since: T0 + 60 * MIN, factor: 4 }]);
    expect(second.lyon).toEqual([{ since: T0, factor: 3 }]);
  });

  test('a shift dated before later steps replaces them; steps before the window shrink to the one in force', () => {
    const levels = { national: [{ since: T0, factor: 2 }, { since: T0 + 60 * MIN, factor: 3 }, { since: T0 + 120 * MIN, factor: 4 }] };
    expect(adoptLevelShifts(levels, [{ scope: 'national', factor: 1.5, since: T0 + 90 * MIN }], T0 + 70 * MIN).national).toEqual([
      { since: T0 + 60 * MIN, factor: 3 },
      { since: T0 + 90 * MIN, factor: 4.5 },
    ]);
  });
});

describe('rebaseLevels', () => {
  const layout = { t0: T0, bucketMs: MIN, length: 7 * 1440 };
  const model = flatModel('lille', 0.5);
  const means = expectedOnGrid(model, grids('lille', layout)).means;
  const since = T0 + 3 * 1440 * MIN;
  const history = (factor: number) => ({ t0: T0, bucketMs: MIN, counts: Float64Array.from(means, (m, i) => (T0 + i * MIN >= since ? m * factor : m)) });

  test('re-estimates the current level against the new baseline, over the history since the shift', () => {
    const levels = rebaseLevels({ levels: { lille: [{ since: T0, factor: 9 }, { since, factor: 3 }] }, histories: [{ academyId: 'lille', history: history(2.5) }], baselines: baselinesOf([model]), grids });
    expect(levels.lille).toHaveLength(1);
    expect(levels.lille![0]!.since).toBe(since);
    expect(levels.lille![0]!.factor).toBeCloseTo(2.5, 6);
  });

  test('drops a level the new baseline has taken in, and keeps one the history cannot measure', () => {
    expect(rebaseLevels({ levels: { lille: [{ since, factor: 3 }] }, histories: [{ academyId: 'lille', history: history(1.05) }], baselines: baselinesOf([model]), grids })).toEqual({});
    const late = T0 + layout.length * MIN - 10 * MIN;
    expect(rebaseLevels({ levels: { lille: [{ since: late, factor: 3 }] }, histories: [{ academyId: 'lille', history: history(1) }], baselines: baselinesOf([model]), grids })).toEqual({ lille: [{ since: late, factor: 3 }] });
  });

  test('re-estimates the national level against the académies at their new levels', () => {
    const lyon = flatModel('lyon', 0.5);
    const levels = rebaseLevels({
      levels: { national: [{ since, factor: 2 }] },
      histories: [{ academyId: 'lille', history: history(2) }, { academyId: 'lyon', history: history(2) }],
      baselines: baselinesOf([model, lyon]),
      grids,
    });
    expect(levels.national![0]!.factor).toBeCloseTo(2, 6);
  });
});

describe('detectPlatformWindow with an adopted level', () => {
  const layout = { t0: T0 + 8 * 60 * MIN, bucketMs: MIN, length: 6 * 60 };
  const models = [flatModel('lille', 2), flatModel('lyon', 2)];
  const series = [
    { academyId: 'lille', counts: new Float64Array(layout.length).fill(6) },
    { academyId: 'lyon', counts: new Float64Array(layout.length).fill(2) },
  ];
  const episodesOf = (baselines: PlatformBaselines, scope: string) =>
    detectPlatformWindow({ platformId: 'p', layout, baselines, series, grids }).find((s) => s.scope === scope)?.episodes ?? [];

  test('a series at its adopted level (×3 since before the window) raises nothing, académie or national', () => {
    const levels = { lille: [{ since: T0, factor: 3 }] };
    expect(episodesOf({ ...baselinesOf(models), levels }, 'lille')).toEqual([]);
    expect(episodesOf({ ...baselinesOf(models), levels }, 'national')).toEqual([]);
  });

  test('without the adopted level the same counts open « détectée » episodes', () => {
    expect(episodesOf(baselinesOf(models), 'lille').some((e) => e.detectedAt !== null)).toBe(true);
  });
});
