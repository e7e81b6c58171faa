import { expectedOnGrid } from './baseline';
import { createDetector } from './detector';
import type { DetectorOptions } from './detector-config';
import type { ScopedEpisodes } from './incidents';
import { levelFactorsOnLayout, NATIONAL_SCOPE } from './level-factors';
import { createGridProvider, expectedTotalOnLayout, type GridProvider, type Layout, type PlatformBaselines } from './platform-baseline';

/** knownAt: when each bucket's count was complete (epoch ms; 0 or absent = on time). */
export type AcademySeries = { academyId: string; counts: ArrayLike<number>; knownAt?: ArrayLike<number> };
type Expected = { means: Float64Array; uncertainty: Float64Array; dispersion?: Float64Array };

function runSeries(
  layout: Layout,
  { counts, knownAt }: Omit<AcademySeries, 'academyId'>,
  { means, uncertainty, dispersion: byBucket }: Expected,
  dispersion: number,
  config: Partial<DetectorOptions> | undefined,
): ScopedEpisodes['episodes'] {
  const detector = createDetector({ ...config, bucketMs: layout.bucketMs });
  for (let i = 0; i < layout.length; i++) {
    const expectation = { mean: means[i] ?? 0, dispersion: byBucket?.[i] ?? dispersion, uncertainty: uncertainty[i] ?? 0 };
    const known = knownAt?.[i];
    detector.step({ t: layout.t0 + i * layout.bucketMs, count: counts[i] ?? 0, ...(known ? { knownAt: known } : {}) }, expectation);
  }
  return detector.episodes();
}

/**
 * Runs the detector causally over a regular window of one platform: each académie against its
 * own baseline, and the platform total (scope 'national') against the sum of the académies', each at
 * its adopted level (baselines.levels) where a change of level was recognised before.
 */
export function detectPlatformWindow(input: {
  platformId: string;
  layout: Layout;
  baselines: PlatformBaselines;
  series: AcademySeries[];
  grids?: GridProvider;
  /** Detector settings other than the bucket width (defaults: lib/detect/thresholds.ts). */
  config?: Partial<DetectorOptions>;
  /** Day-level factor per académie and bucket (estimateDayFactors); 1 when absent. */
  dayFactors?: ReadonlyMap<string, Float64Array>;
}): ScopedEpisodes[] {
  const { platformId, layout, baselines, series, dayFactors } = input;
  const levels = baselines.levels ?? {};
  let academyLevels = false;
  const grids = input.grids ?? createGridProvider();
  const scoped: ScopedEpisodes[] = [];
  const total = new Float64Array(layout.length);
  const scaledTotal = new Float64Array(layout.length);
  let totalKnownAt: Float64Array | undefined;
  for (const { academyId, counts, knownAt } of series) {
    for (let i = 0; i < layout.length; i++) total[i] = (total[i] ?? 0) + (counts[i] ?? 0);
    if (knownAt) totalKnownAt = latestOf(totalKnownAt ?? new Float64Array(layout.length), knownAt);
    const model = baselines.academies[academyId];
    if (!model) continue;
    const expected = expectedOnGrid(model, grids(academyId, layout));
    const factors = dayFactors?.get(academyId);
    const level = levelFactorsOnLayout(levels[academyId], layout);
    academyLevels ||= level !== null;
    for (let i = 0; i < layout.length; i++) {
      const mean = (expected.means[i] ?? 0) * (factors?.[i] ?? 1) * (level?.[i] ?? 1);
      expected.means[i] = mean;
      scaledTotal[i] = (scaledTotal[i] ?? 0) + mean;
    }
    scoped.push({ platformId, scope: academyId, episodes: runSeries(layout, { counts, knownAt }, expected, model.dispersion, input.config) });
  }
  if (series.length < 2) return scoped;
  const expected = expectedTotalOnLayout(baselines, layout, grids);
  if (dayFactors || academyLevels) expected.means.set(scaledTotal);
  const national = levelFactorsOnLayout(levels[NATIONAL_SCOPE], layout);
  if (national) for (let i = 0; i < layout.length; i++) expected.means[i] = (expected.means[i] ?? 0) * (national[i] ?? 1);
  scoped.push({ platformId, scope: NATIONAL_SCOPE, episodes: runSeries(layout, { counts: total, knownAt: totalKnownAt }, expected, baselines.totalDispersion, input.config) });
  return scoped;
}

function latestOf(into: Float64Array, knownAt: ArrayLike<number>): Float64Array {
  for (let i = 0; i < into.length; i++) into[i] = Math.max(into[i] ?? 0, knownAt[i] ?? 0);
  return into;
}
