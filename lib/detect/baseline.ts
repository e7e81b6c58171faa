import { DAY_TYPES } from '@/lib/calendar/day-type';
import { robustCellTotals, type CellTotals } from './baseline-robust';
import {
  adaptiveRates,
  estimatePriorVariance,
  estimateShare,
  shrinkTowardPrior,
  type CellRates,
} from './baseline-smooth';
import { buildCalendarGrid, locateBucket, slotsPerDay, type CalendarGrid } from './calendar-grid';
import {
  BASELINE_SLOT_MINUTES,
  DEFAULT_DISPERSION,
  DISPERSION_BLOCK_MINUTES,
  DISPERSION_BLOCK_PRIOR_WEIGHT,
  DISPERSION_PRIOR_WEIGHT,
  FALLBACK_DISPERSION,
  FALLBACK_RATE_PER_MINUTE,
  FALLBACK_UNCERTAINTY,
  MAX_DISPERSION,
  MIN_DISPERSION,
  MIN_RATE_PER_MINUTE,
} from './thresholds';
import type { Expectation } from './types';
import type { BaselineModel } from '@/lib/domain/detection';

export type { BaselineModel };

/** Regular series: counts[i] is the bucket starting at t0 + i × bucketMs (epoch ms). */
export type RegularSeries = { t0: number; bucketMs: number; counts: ArrayLike<number> };

export type LearnBaselineInput = {
  history: RegularSeries;
  academyId: string;
  prior?: BaselineModel;
  grid?: CalendarGrid;
  slotMinutes?: number;
};

const MINUTE_MS = 60_000;

/**
 * Method-of-moments NB dispersion of a series around its expected means, Σ[(y-μ)²-y] / Σμ², over
 * the buckets flagged in `kept`, shrunk toward DEFAULT_DISPERSION when there are few counts.
 */
export function estimateDispersion(
  counts: ArrayLike<number>,
  means: ArrayLike<number>,
  kept?: Uint8Array,
  prior: { dispersion: number; weight: number } = { dispersion: DEFAULT_DISPERSION, weight: DISPERSION_PRIOR_WEIGHT },
  include?: (i: number) => boolean,
): number {
  let excess = 0;
  let squared = 0;
  for (let i = 0; i < counts.length; i++) {
    if (kept && kept[i] !== 1) continue;
    if (include && !include(i)) continue;
    const mean = means[i] ?? 0;
    const count = counts[i] ?? 0;
    excess += (count - mean) ** 2 - count;
    squared += mean * mean;
  }
  const dispersion = (excess + prior.dispersion * prior.weight) / (squared + prior.weight);
  return Math.min(MAX_DISPERSION, Math.max(MIN_DISPERSION, dispersion));
}

function cellMeans(grid: CalendarGrid, rates: ArrayLike<number>): Float64Array {
  const bucketMinutes = grid.bucketMs / MINUTE_MS;
  return Float64Array.from(grid.cells, (cell) => (rates[cell] ?? 0) * bucketMinutes);
}

function ratesWithPrior(totals: CellTotals, prior: BaselineModel, slots: number): CellRates {
  const share = estimateShare(totals, prior.rates);
  const priorRates = {
    rates: Float64Array.from(prior.rates, (r) => r * share),
    uncertainty: Float64Array.from(prior.uncertainty),
  };
  const variance = estimatePriorVariance(totals, priorRates.rates);
  return shrinkTowardPrior(totals, priorRates, slots, variance);
}

/**
 * Learns a series' baseline from its history (robust to past outages). With `prior` (e.g. the
 * platform-wide model), cells borrow its shape scaled by the series' share (empirical Bayes).
 */
export function learnBaseline(input: LearnBaselineInput): BaselineModel {
  return learnBaselineWithMask(input).model;
}

/** learnBaseline, plus which history buckets were kept (1) or treated as past outages (0). */
export function learnBaselineWithMask({
  history,
  academyId,
  prior,
  grid,
  slotMinutes = Math.max(BASELINE_SLOT_MINUTES, history.bucketMs / MINUTE_MS),
}: LearnBaselineInput): { model: BaselineModel; kept: Uint8Array } {
  const { t0, bucketMs, counts } = history;
  const calendar =
    grid ?? buildCalendarGrid({ academyId, t0, bucketMs, length: counts.length, slotMinutes });
  const slots = slotsPerDay(slotMinutes);
  const totals = robustCellTotals({
    cells: calendar.cells,
    counts,
    cellCount: DAY_TYPES.length * slots,
    bucketMinutes: bucketMs / MINUTE_MS,
  });
  const cellRates =
    prior?.slotMinutes === slotMinutes
      ? ratesWithPrior(totals, prior, slots)
      : adaptiveRates(totals, slots);
  const means = cellMeans(calendar, cellRates.rates);
  const dispersion = estimateDispersion(counts, means, totals.keptBuckets);
  const model: BaselineModel = {
    academyId,
    slotMinutes,
    rates: Array.from(cellRates.rates),
    uncertainty: Array.from(cellRates.uncertainty),
    dispersion,
    dispersionByBlock: dispersionByBlock({ counts, means, kept: totals.keptBuckets, calendar, dispersion }),
    historyMinutes: (counts.length * bucketMs) / MINUTE_MS,
    isFallback: false,
  };
  return { model, kept: totals.keptBuckets };
}

const BLOCKS_PER_DAY = Math.round(1440 / DISPERSION_BLOCK_MINUTES);

function blockOf(position: number, slotMinutes: number): number {
  return Math.min(BLOCKS_PER_DAY - 1, Math.floor((position * slotMinutes) / DISPERSION_BLOCK_MINUTES));
}

// Past outages stay masked (kept), and each block is shrunk toward the series' own dispersion.
function dispersionByBlock(input: {
  counts: ArrayLike<number>;
  means: ArrayLike<number>;
  kept: Uint8Array;
  calendar: CalendarGrid;
  dispersion: number;
}): number[] {
  const { counts, means, kept, calendar, dispersion } = input;
  const blocks = Uint8Array.from(calendar.positions, (p) => blockOf(p, calendar.slotMinutes));
  const prior = { dispersion, weight: DISPERSION_BLOCK_PRIOR_WEIGHT };
  return Array.from({ length: BLOCKS_PER_DAY }, (_, b) =>
    estimateDispersion(counts, means, kept, prior, (i) => blocks[i] === b),
  );
}

/** Dispersion of a bucket at slot position `position` of its local day. */
export function dispersionAt(model: BaselineModel, position: number): number {
  return model.dispersionByBlock?.[blockOf(position, model.slotMinutes)] ?? model.dispersion;
}

/** Baseline for a series without history: flat, generous rate so only a real burst alarms. */
export function createFallbackBaseline(
  academyId: string,
  slotMinutes = BASELINE_SLOT_MINUTES,
): BaselineModel {
  const cells = DAY_TYPES.length * slotsPerDay(slotMinutes);
  return {
    academyId,
    slotMinutes,
    rates: new Array<number>(cells).fill(FALLBACK_RATE_PER_MINUTE),
    uncertainty: new Array<number>(cells).fill(FALLBACK_UNCERTAINTY),
    dispersion: FALLBACK_DISPERSION,
    historyMinutes: 0,
    isFallback: true,
  };
}

function interpolate(
  values: readonly number[],
  slots: number,
  dayTypeIndex: number,
  position: number,
): number {
  const lower = Math.floor(position);
  const fraction = position - lower;
  const base = dayTypeIndex * slots;
  const a = values[base + (((lower % slots) + slots) % slots)] ?? 0;
  const b = values[base + ((((lower + 1) % slots) + slots) % slots)] ?? 0;
  return a * (1 - fraction) + b * fraction;
}

/** Expected distinct reporters in the bucket [t, t + bucketMs) (epoch ms). */
export function expectedAt(model: BaselineModel, t: number, bucketMs: number): Expectation {
  const { dayTypeIndex, position } = locateBucket(t, bucketMs, model.academyId, model.slotMinutes);
  const slots = slotsPerDay(model.slotMinutes);
  const rate = Math.max(
    MIN_RATE_PER_MINUTE,
    interpolate(model.rates, slots, dayTypeIndex, position),
  );
  return {
    mean: rate * (bucketMs / MINUTE_MS),
    dispersion: dispersionAt(model, position),
    uncertainty: interpolate(model.uncertainty, slots, dayTypeIndex, position),
  };
}

/** Means and uncertainties of every bucket of a calendar grid (same académie as the model). */
export function expectedOnGrid(
  model: BaselineModel,
  grid: CalendarGrid,
): { means: Float64Array; uncertainty: Float64Array; dispersion: Float64Array } {
  const slots = slotsPerDay(model.slotMinutes);
  const means = new Float64Array(grid.length);
  const uncertainty = new Float64Array(grid.length);
  const dispersion = new Float64Array(grid.length);
  const bucketMinutes = grid.bucketMs / MINUTE_MS;
  for (let i = 0; i < grid.length; i++) {
    const dayTypeIndex = Math.floor((grid.cells[i] ?? 0) / slots);
    const position = grid.positions[i] ?? 0;
    means[i] =
      Math.max(MIN_RATE_PER_MINUTE, interpolate(model.rates, slots, dayTypeIndex, position)) *
      bucketMinutes;
    uncertainty[i] = interpolate(model.uncertainty, slots, dayTypeIndex, position);
    dispersion[i] = dispersionAt(model, position);
  }
  return { means, uncertainty, dispersion };
}
