import {
  LEVEL_SHIFT_MIN_EVIDENCE,
  LEVEL_SHIFT_MIN_MEAN,
  LEVEL_SHIFT_MIN_QUIET_MEAN,
  LEVEL_SHIFT_MIN_SHAPE_CV,
  LEVEL_SHIFT_QUIET_SHARE,
  LEVEL_SHIFT_WINDOW_MIN_EVIDENCE,
} from './thresholds';

/** Running sums of an open episode, to tell a change of level from an outage by its shape. */
export type ShapeSums = {
  count: number;
  mean: number;
  countSquaredOverMean: number;
  excessOverMean: number;
  excessSquaredOverMean: number;
  inverseMean: number;
  meanSquared: number;
  buckets: number;
};

export function emptyShapeSums(): ShapeSums {
  return { count: 0, mean: 0, countSquaredOverMean: 0, excessOverMean: 0, excessSquaredOverMean: 0, inverseMean: 0, meanSquared: 0, buckets: 0 };
}

/** Adds a bucket to the sums (sign −1 removes one added before). */
export function addToShape(sums: ShapeSums, count: number, expectedMean: number, sign = 1): void {
  const mean = Math.max(LEVEL_SHIFT_MIN_MEAN, expectedMean);
  const excess = count - mean;
  sums.count += sign * count;
  sums.mean += sign * mean;
  sums.countSquaredOverMean += (sign * (count * count)) / mean;
  sums.excessOverMean += (sign * excess) / mean;
  sums.excessSquaredOverMean += (sign * (excess * excess)) / mean;
  sums.inverseMean += sign / mean;
  sums.meanSquared += sign * mean * mean;
  sums.buckets += sign;
}

/**
 * Which explains the counts better (Pearson χ² with the variance ∝ mean): the baseline times one
 * factor (a change of level follows the daily shape) or the baseline plus one constant excess
 * (an outage adds reporters whatever the hour). Returns the factor when the level model wins
 * clearly, over a stretch where the baseline's shape varies enough to tell them apart.
 */
export function levelShiftFactor(sums: ShapeSums, minEvidence = LEVEL_SHIFT_MIN_EVIDENCE): number | null {
  if (!(sums.mean > 0) || !(sums.inverseMean > 0)) return null;
  const factor = sums.count / sums.mean;
  const levelMisfit = sums.countSquaredOverMean - (sums.count * sums.count) / sums.mean;
  const outageMisfit = sums.excessSquaredOverMean - (sums.excessOverMean * sums.excessOverMean) / sums.inverseMean;
  const average = sums.mean / sums.buckets;
  const shapeCv = Math.sqrt(Math.max(0, sums.meanSquared / sums.buckets - average * average)) / average;
  const clear = outageMisfit - levelMisfit >= minEvidence && shapeCv >= LEVEL_SHIFT_MIN_SHAPE_CV;
  return factor > 1 && clear ? factor : null;
}

/**
 * The last LEVEL_SHIFT_MINUTES buckets of a series, episodes or not. A level shift on a series too
 * sparse to stay hot every minute shows as short episodes again and again; what tells it from
 * outages is that the quiet buckets between them are above the baseline too.
 */
export type ShiftWindow = {
  capacity: number;
  head: number;
  size: number;
  t: Float64Array;
  counts: Float64Array;
  means: Float64Array;
  quiet: Uint8Array;
  all: ShapeSums;
  quietCount: number;
  quietMean: number;
};

export function createShiftWindow(capacity: number): ShiftWindow {
  return {
    capacity, head: -1, size: 0, t: new Float64Array(capacity), counts: new Float64Array(capacity), means: new Float64Array(capacity), quiet: new Uint8Array(capacity),
    all: emptyShapeSums(), quietCount: 0, quietMean: 0,
  };
}

export function pushShiftWindow(window: ShiftWindow, { t, count, mean }: { t: number; count: number; mean: number }, quiet: boolean): void {
  window.head = (window.head + 1) % window.capacity;
  const i = window.head;
  if (window.size === window.capacity) {
    addToShape(window.all, window.counts[i] ?? 0, window.means[i] ?? 0, -1);
    if (window.quiet[i]) [window.quietCount, window.quietMean] = [window.quietCount - (window.counts[i] ?? 0), window.quietMean - (window.means[i] ?? 0)];
  } else window.size += 1;
  [window.t[i], window.counts[i], window.means[i], window.quiet[i]] = [t, count, mean, quiet ? 1 : 0];
  addToShape(window.all, count, mean);
  if (quiet) [window.quietCount, window.quietMean] = [window.quietCount + count, window.quietMean + mean];
}

/** An episode opened back to `start`: its buckets already in the window were not quiet after all. */
export function unquietSince(window: ShiftWindow, start: number): void {
  for (let age = 0; age < window.size; age++) {
    const i = (window.head - age + window.capacity) % window.capacity;
    if ((window.t[i] ?? 0) < start) return;
    if (!window.quiet[i]) continue;
    window.quiet[i] = 0;
    [window.quietCount, window.quietMean] = [window.quietCount - (window.counts[i] ?? 0), window.quietMean - (window.means[i] ?? 0)];
  }
}

export function resetShiftWindow(window: ShiftWindow): void {
  Object.assign(window, createShiftWindow(window.capacity));
}

/** The factor of a change of level over a full window whose quiet buckets are raised as well, else null. */
export function windowLevelShift(window: ShiftWindow): number | null {
  if (window.size < window.capacity || window.quietMean < LEVEL_SHIFT_MIN_QUIET_MEAN) return null;
  const factor = levelShiftFactor(window.all, LEVEL_SHIFT_WINDOW_MIN_EVIDENCE);
  if (factor === null) return null;
  return window.quietCount / window.quietMean >= 1 + LEVEL_SHIFT_QUIET_SHARE * (factor - 1) ? factor : null;
}
