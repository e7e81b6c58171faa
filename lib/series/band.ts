import { CORRELATED_DISPERSION_SHARE } from '@/lib/detect/thresholds';

/**
 * Expected distinct reporters of one independent series (a platform total, or one platform in one
 * académie) at a fine resolution of `subMinutes` per step: means per step, relative variance of
 * each mean (baseline uncertainty), and the per-minute negative-binomial dispersion.
 */
export type BandComponent = { means: ArrayLike<number>; uncertainty: ArrayLike<number>; dispersion: number };

/** Width of the usual range in standard deviations (about 95 % for a normal law). */
export const BAND_SIGMAS = 2;

type Moments = { mean: number; variance: number };

/**
 * Mean and variance of one bucket sum of a component, over steps [start, end): the per-minute
 * dispersion averages out over independent minutes except for a persistent share, and the
 * baseline's own uncertainty does not average out (same law as the detector's window test).
 */
export function bucketMoments(
  component: BandComponent,
  start: number,
  end: number,
  subMinutes: number,
): Moments {
  let mean = 0;
  let minuteSquares = 0;
  let meanUncertainty = 0;
  for (let j = start; j < end; j++) {
    const m = component.means[j] ?? 0;
    mean += m;
    minuteSquares += (m * m) / subMinutes;
    meanUncertainty += m * (component.uncertainty[j] ?? 0);
  }
  const c = CORRELATED_DISPERSION_SHARE;
  const overdispersion = component.dispersion * (c * mean * mean + (1 - c) * minuteSquares);
  return { mean, variance: mean + overdispersion + mean * meanUncertainty };
}

/**
 * Expected reporters per minute and its usual range for each bucket of `bucketMinutes`, summing
 * independent components (variances add). Components are sampled every `subMinutes`, which must
 * divide bucketMinutes.
 */
export function buildBand(input: {
  components: readonly BandComponent[];
  length: number;
  subMinutes: number;
  bucketMinutes: number;
}): { expected: number[]; low: number[]; high: number[] } {
  const { components, length, subMinutes, bucketMinutes } = input;
  const steps = Math.round(bucketMinutes / subMinutes);
  const expected: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  for (let k = 0; k < length; k++) {
    let mean = 0;
    let variance = 0;
    for (const component of components) {
      const moments = bucketMoments(component, k * steps, (k + 1) * steps, subMinutes);
      mean += moments.mean;
      variance += moments.variance;
    }
    const spread = BAND_SIGMAS * Math.sqrt(variance);
    expected.push(mean / bucketMinutes);
    low.push(Math.max(0, mean - spread) / bucketMinutes);
    high.push((mean + spread) / bucketMinutes);
  }
  return { expected, low, high };
}

/** Fine resolution used to sample baselines for a bucket width: the baselines' 15-minute slots at most. */
export function subMinutesFor(bucketMinutes: number): number {
  return bucketMinutes <= 15 ? bucketMinutes : 15;
}
