import { localDateOf } from '@/lib/calendar/day-type';
import { expectedOnGrid } from './baseline';
import type { GridProvider, Layout, PlatformBaselines } from './platform-baseline';
import {
  DAY_FACTOR_ACADEMY_PRIOR,
  DAY_FACTOR_MAX,
  DAY_FACTOR_MIN,
  DAY_FACTOR_NATIONAL_PRIOR,
  DAY_FACTOR_SERIES_PRIOR,
  DAY_FACTOR_STEP_MINUTES,
} from './thresholds';

/** A day declared by an admin: local date (YYYY-MM-DD), académie (null = all) and expected factor. */
export type DeclaredDay = { date: string; academyId: string | null; factor: number };

/** Stored declarations (scope = académie id or 'national') as the detector takes them. */
export function toDeclaredDays(records: ReadonlyArray<{ date: string; scope: string; factor: number }>): DeclaredDay[] {
  return records.map((r) => ({ date: r.date, academyId: r.scope === 'national' ? null : r.scope, factor: r.factor }));
}

type Cell = { academyId: string; counts: ArrayLike<number>; means: Float64Array };
type Weighted = { log: number; weight: number };

const MINUTE_MS = 60_000;

function weightedMedian(items: Weighted[]): number {
  const total = items.reduce((n, x) => n + x.weight, 0);
  if (!(total > 0)) return 0;
  items.sort((a, b) => a.log - b.log);
  let acc = 0;
  for (const item of items) {
    acc += item.weight;
    if (acc >= total / 2) return item.log;
  }
  return items.at(-1)?.log ?? 0;
}

const clampLog = (log: number) => Math.min(Math.log(DAY_FACTOR_MAX), Math.max(Math.log(DAY_FACTOR_MIN), log));

function declaredFactor(declared: readonly DeclaredDay[], date: string, academyId: string | null): number | null {
  return declared.find((d) => d.date === date && d.academyId === academyId)?.factor ?? null;
}

/**
 * Day-level factor per académie and bucket, causal (bucket i uses buckets before it, from local
 * midnight in Paris): each series' ratio observed / expected so far today, shrunk toward the
 * prior; the national factor is their weighted median over all services (one platform's outage
 * does not move it), each académie's the median over its own services, shrunk toward the national
 * one. The prior is the declared factor of the day (1 when none).
 */
export function estimateDayFactors(input: {
  layout: Layout;
  baselines: ReadonlyMap<string, PlatformBaselines>;
  groups: ReadonlyMap<string, ReadonlyArray<{ academyId: string; counts: ArrayLike<number> }>>;
  grids: GridProvider;
  declared?: readonly DeclaredDay[];
}): Map<string, Float64Array> {
  const { layout, baselines, groups, grids, declared = [] } = input;
  const cells: Cell[] = [];
  for (const [platformId, series] of groups) {
    const platform = baselines.get(platformId);
    for (const { academyId, counts } of series) {
      const model = platform?.academies[academyId];
      if (model && !model.isFallback) cells.push({ academyId, counts, means: expectedOnGrid(model, grids(academyId, layout)).means });
    }
  }
  const academies = [...new Set(cells.map((c) => c.academyId))];
  const factors = new Map(academies.map((a) => [a, new Float64Array(layout.length).fill(1)]));
  const observed = new Float64Array(cells.length);
  const expected = new Float64Array(cells.length);
  const step = Math.max(1, Math.round((DAY_FACTOR_STEP_MINUTES * MINUTE_MS) / layout.bucketMs));
  let date = '';
  let current = new Map<string, number>();
  for (let i = 0; i < layout.length; i++) {
    const t = layout.t0 + i * layout.bucketMs;
    const today = localDateOf(t, 'paris');
    if (today !== date) {
      date = today;
      observed.fill(0);
      expected.fill(0);
      current = new Map(academies.map((a) => [a, declaredFactor(declared, date, a) ?? declaredFactor(declared, date, null) ?? 1]));
    } else if (i % step === 0) {
      current = dayFactorsNow({ cells, observed, expected, academies, national: declaredFactor(declared, date, null) ?? 1, own: (a) => declaredFactor(declared, date, a) });
    }
    for (const [academyId, f] of current) (factors.get(academyId) as Float64Array)[i] = f;
    cells.forEach((cell, k) => {
      observed[k] = (observed[k] ?? 0) + (cell.counts[i] ?? 0);
      expected[k] = (expected[k] ?? 0) + (cell.means[i] ?? 0);
    });
  }
  return factors;
}

function dayFactorsNow(input: {
  cells: readonly Cell[];
  observed: Float64Array;
  expected: Float64Array;
  academies: readonly string[];
  national: number;
  own: (academyId: string) => number | null;
}): Map<string, number> {
  const { cells, observed, expected, academies, national } = input;
  const prior = Math.log(national);
  // Capped weights: each series with enough data counts once, so no single service leads the median.
  const ratios: Array<Weighted & { academyId: string; mass: number }> = cells.map((cell, k) => {
    const e = expected[k] ?? 0;
    const log = Math.log(((observed[k] ?? 0) + DAY_FACTOR_SERIES_PRIOR * national) / (e + DAY_FACTOR_SERIES_PRIOR));
    return { academyId: cell.academyId, log, weight: Math.min(e, DAY_FACTOR_SERIES_PRIOR), mass: e };
  });
  const mass = ratios.reduce((n, r) => n + r.mass, 0);
  const nationalLog = (weightedMedian([...ratios]) * mass + prior * DAY_FACTOR_NATIONAL_PRIOR) / (mass + DAY_FACTOR_NATIONAL_PRIOR);
  const result = new Map<string, number>();
  for (const academyId of academies) {
    const mine = ratios.filter((r) => r.academyId === academyId);
    const weight = mine.reduce((n, r) => n + r.mass, 0);
    const declared = input.own(academyId);
    const anchor = declared === null ? nationalLog : Math.log(declared);
    const log = weight > 0 ? (weightedMedian(mine) * weight + anchor * DAY_FACTOR_ACADEMY_PRIOR) / (weight + DAY_FACTOR_ACADEMY_PRIOR) : anchor;
    result.set(academyId, Math.exp(clampLog(log)));
  }
  return result;
}
