import { LEVEL_SHIFT_MIN_EVIDENCE, LEVEL_SHIFT_MIN_MEAN, LEVEL_SHIFT_MIN_SHAPE_CV } from './thresholds';

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

export function addToShape(sums: ShapeSums, count: number, expectedMean: number): void {
  const mean = Math.max(LEVEL_SHIFT_MIN_MEAN, expectedMean);
  const excess = count - mean;
  sums.count += count;
  sums.mean += mean;
  sums.countSquaredOverMean += (count * count) / mean;
  sums.excessOverMean += excess / mean;
  sums.excessSquaredOverMean += (excess * excess) / mean;
  sums.inverseMean += 1 / mean;
  sums.meanSquared += mean * mean;
  sums.buckets += 1;
}

/**
 * Which explains the counts better (Pearson χ² with the variance ∝ mean): the baseline times one
 * factor (a change of level follows the daily shape) or the baseline plus one constant excess
 * (an outage adds reporters whatever the hour). Returns the factor when the level model wins
 * clearly, over a stretch where the baseline's shape varies enough to tell them apart.
 */
export function levelShiftFactor(sums: ShapeSums): number | null {
  if (!(sums.mean > 0) || !(sums.inverseMean > 0)) return null;
  const factor = sums.count / sums.mean;
  const levelMisfit = sums.countSquaredOverMean - (sums.count * sums.count) / sums.mean;
  const outageMisfit = sums.excessSquaredOverMean - (sums.excessOverMean * sums.excessOverMean) / sums.inverseMean;
  const average = sums.mean / sums.buckets;
  const shapeCv = Math.sqrt(Math.max(0, sums.meanSquared / sums.buckets - average * average)) / average;
  const clear = outageMisfit - levelMisfit >= LEVEL_SHIFT_MIN_EVIDENCE && shapeCv >= LEVEL_SHIFT_MIN_SHAPE_CV;
  return factor > 1 && clear ? factor : null;
}
