import type { LevelStep, SeriesLevels } from '@/lib/domain/detection';
import { expectedOnGrid } from './baseline';
import type { AcademyHistory, GridProvider, Layout, PlatformBaselines } from './platform-baseline';
import { LEVEL_REBASE_DROP, LEVEL_REBASE_MIN_EXPECTED, LEVEL_STEPS_KEPT } from './thresholds';

export const NATIONAL_SCOPE = 'national';

/** The adopted level of a series at bucket start `t` (epoch ms): the last step begun by then, else 1. */
export function levelFactorAt(steps: readonly LevelStep[] | undefined, t: number): number {
  let factor = 1;
  for (const step of steps ?? []) if (step.since <= t) factor = step.factor;
  return factor;
}

/** The adopted level at every bucket of a layout; null when the series has none (all 1). */
export function levelFactorsOnLayout(steps: readonly LevelStep[] | undefined, layout: Layout): Float64Array | null {
  if (!steps || steps.length === 0) return null;
  return Float64Array.from({ length: layout.length }, (_, i) => levelFactorAt(steps, layout.t0 + i * layout.bucketMs));
}

/**
 * Adopts the changes of level a pass recognised: each shift's factor was measured against the level the
 * pass used, so it multiplies the level in force at its start. Steps begun before `keepFrom` are reduced to
 * the one in force then; at most LEVEL_STEPS_KEPT are kept per series.
 */
export function adoptLevelShifts(
  levels: SeriesLevels | undefined,
  shifts: ReadonlyArray<{ scope: string; factor: number; since: number }>,
  keepFrom: number,
): SeriesLevels {
  const next: SeriesLevels = { ...levels };
  for (const shift of [...shifts].sort((a, b) => a.since - b.since)) {
    const steps = next[shift.scope] ?? [];
    const factor = levelFactorAt(steps, shift.since) * shift.factor;
    next[shift.scope] = [...steps.filter((s) => s.since < shift.since), { since: shift.since, factor }];
  }
  for (const [scope, steps] of Object.entries(next)) {
    const inForce = steps.findLastIndex((s) => s.since <= keepFrom);
    next[scope] = steps.slice(Math.max(0, inForce)).slice(-LEVEL_STEPS_KEPT);
  }
  return next;
}

/** Observed / expected since `since`, or null when the history expects too few reporters to tell. */
function ratioSince(counts: ArrayLike<number>, means: ArrayLike<number>, layout: Layout, since: number): number | null {
  const from = Math.max(0, Math.ceil((since - layout.t0) / layout.bucketMs));
  let observed = 0;
  let expected = 0;
  for (let i = from; i < layout.length; i++) {
    observed += counts[i] ?? 0;
    expected += means[i] ?? 0;
  }
  return expected >= LEVEL_REBASE_MIN_EXPECTED ? observed / expected : null;
}

function rebased(steps: readonly LevelStep[] | undefined, ratio: (since: number) => number | null): LevelStep[] {
  const current = steps?.at(-1);
  if (!current) return [];
  const factor = ratio(current.since);
  if (factor === null) return [current];
  return Math.abs(factor - 1) <= LEVEL_REBASE_DROP ? [] : [{ since: current.since, factor }];
}

/**
 * The adopted levels re-estimated against freshly learned baselines (which may have taken in part of a
 * change of level): each series' current level becomes observed / expected over the history since it began
 * (académies first, then the national total against the sum of the académies at their new levels).
 */
export function rebaseLevels(input: {
  levels: SeriesLevels | undefined;
  histories: readonly AcademyHistory[];
  baselines: PlatformBaselines;
  grids: GridProvider;
}): SeriesLevels {
  const first = input.histories[0]?.history;
  if (!input.levels || !first) return {};
  const layout = { t0: first.t0, bucketMs: first.bucketMs, length: first.counts.length };
  const next: SeriesLevels = {};
  const total = new Float64Array(layout.length);
  const expectedTotal = new Float64Array(layout.length);
  for (const { academyId, history } of input.histories) {
    const model = input.baselines.academies[academyId];
    if (!model) continue;
    const { means } = expectedOnGrid(model, input.grids(academyId, layout));
    const steps = rebased(input.levels[academyId], (since) => ratioSince(history.counts, means, layout, since));
    if (steps.length > 0) next[academyId] = steps;
    const level = levelFactorsOnLayout(steps, layout);
    for (let i = 0; i < layout.length; i++) {
      total[i] = (total[i] ?? 0) + (history.counts[i] ?? 0);
      expectedTotal[i] = (expectedTotal[i] ?? 0) + (means[i] ?? 0) * (level?.[i] ?? 1);
    }
  }
  const national = rebased(input.levels[NATIONAL_SCOPE], (since) => ratioSince(total, expectedTotal, layout, since));
  if (national.length > 0) next[NATIONAL_SCOPE] = national;
  return next;
}
