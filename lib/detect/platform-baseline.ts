import {
  createFallbackBaseline,
  estimateDispersion,
  expectedAt,
  expectedOnGrid,
  learnBaseline,
  learnBaselineWithMask,
  type BaselineModel,
  type RegularSeries,
} from './baseline';
import { buildCalendarGrid, type CalendarGrid } from './calendar-grid';
import { NATIONAL_ACADEMY_ID } from '@/lib/calendar/day-type';
import { BASELINE_SLOT_MINUTES, FALLBACK_DISPERSION } from './thresholds';
import type { Expectation } from './types';
import type { PlatformBaselines } from '@/lib/domain/detection';

export type { PlatformBaselines };

export type AcademyHistory = { academyId: string; history: RegularSeries };

export type Layout = { t0: number; bucketMs: number; length: number };

/** Baselines of a platform without usable history: the flat fallback model for its shape and every académie. */
export function fallbackPlatformBaselines(academies: readonly string[], totalDispersion = FALLBACK_DISPERSION): PlatformBaselines {
  return {
    shape: createFallbackBaseline(academies[0] ?? NATIONAL_ACADEMY_ID),
    academies: Object.fromEntries(academies.map((id) => [id, createFallbackBaseline(id)])),
    totalDispersion,
  };
}

/** Looks up (or builds and caches) the calendar grid of an académie for a regular layout. */
export type GridProvider = (academyId: string, layout: Layout) => CalendarGrid;

export function createGridProvider(slotMinutes = BASELINE_SLOT_MINUTES): GridProvider {
  const cache = new Map<string, CalendarGrid>();
  return (academyId, { t0, bucketMs, length }) => {
    const key = `${academyId}|${t0}|${bucketMs}|${length}`;
    let grid = cache.get(key);
    if (!grid) {
      grid = buildCalendarGrid({ academyId, t0, bucketMs, length, slotMinutes });
      cache.set(key, grid);
    }
    return grid;
  };
}

function sumHistories(histories: readonly AcademyHistory[]): {
  total: RegularSeries;
  busiest: string;
} {
  const first = histories[0];
  if (!first) throw new Error('learnPlatformBaselines needs at least one académie history');
  const { t0, bucketMs } = first.history;
  const counts = new Float64Array(first.history.counts.length);
  let busiest = first.academyId;
  let busiestCount = -1;
  for (const { academyId, history } of histories) {
    if (
      history.t0 !== t0 ||
      history.bucketMs !== bucketMs ||
      history.counts.length !== counts.length
    ) {
      throw new Error('All académie histories must share t0, bucketMs and length');
    }
    let own = 0;
    for (let i = 0; i < counts.length; i++) {
      own += history.counts[i] ?? 0;
      counts[i] = (counts[i] ?? 0) + (history.counts[i] ?? 0);
    }
    if (own > busiestCount) [busiest, busiestCount] = [academyId, own];
  }
  return { total: { t0, bucketMs, counts }, busiest };
}

/**
 * Platform-wide expected means (sum of the académies') over a regular layout, with the uncertainty
 * of the total: académie errors counted as independent, plus the shared shape's own uncertainty.
 */
export function expectedTotalOnLayout(
  baselines: PlatformBaselines,
  layout: Layout,
  grids: GridProvider,
): { means: Float64Array; uncertainty: Float64Array } {
  const means = new Float64Array(layout.length);
  const variance = new Float64Array(layout.length);
  for (const [academyId, model] of Object.entries(baselines.academies)) {
    const part = expectedOnGrid(model, grids(academyId, layout));
    for (let i = 0; i < means.length; i++) {
      const mean = part.means[i] ?? 0;
      means[i] = (means[i] ?? 0) + mean;
      variance[i] = (variance[i] ?? 0) + mean * mean * (part.uncertainty[i] ?? 0);
    }
  }
  const shape = expectedOnGrid(baselines.shape, grids(baselines.shape.academyId, layout));
  const uncertainty = Float64Array.from(means, (mean, i) =>
    mean > 0 ? (variance[i] ?? 0) / (mean * mean) + (shape.uncertainty[i] ?? 0) : 0,
  );
  return { means, uncertainty };
}

/** Learns the platform-wide shape, the académie models and the dispersion of the total. */
export function learnPlatformBaselines({
  histories,
  grids = createGridProvider(),
}: {
  histories: readonly AcademyHistory[];
  grids?: GridProvider;
}): PlatformBaselines {
  const { total, busiest } = sumHistories(histories);
  const layout = { t0: total.t0, bucketMs: total.bucketMs, length: total.counts.length };
  const { model: shape, kept } = learnBaselineWithMask({
    history: total,
    academyId: busiest,
    grid: grids(busiest, layout),
  });
  const academies: Record<string, BaselineModel> = {};
  for (const { academyId, history } of histories) {
    const grid = grids(academyId, layout);
    academies[academyId] = learnBaseline({ history, academyId, prior: shape, grid });
  }
  const baselines = { shape, academies, totalDispersion: shape.dispersion };
  const { means } = expectedTotalOnLayout(baselines, layout, grids);
  return { ...baselines, totalDispersion: estimateDispersion(total.counts, means, kept) };
}

/** Expected platform-wide distinct reporters in the bucket [t, t + bucketMs) (epoch ms). */
export function expectedTotalAt(
  baselines: PlatformBaselines,
  t: number,
  bucketMs: number,
): Expectation {
  let mean = 0;
  let variance = 0;
  for (const model of Object.values(baselines.academies)) {
    const part = expectedAt(model, t, bucketMs);
    mean += part.mean;
    variance += part.mean * part.mean * (part.uncertainty ?? 0);
  }
  const shapeUncertainty = expectedAt(baselines.shape, t, bucketMs).uncertainty ?? 0;
  const uncertainty = mean > 0 ? variance / (mean * mean) + shapeUncertainty : 0;
  return { mean, dispersion: baselines.totalDispersion, uncertainty };
}
