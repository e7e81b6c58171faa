import type { DetectorPlan } from './detector-config';
import { surpriseScore } from './nb-test';
import { MIN_SCORED_COUNT } from './thresholds';
import type { Expectation } from './types';

/** Fixed-capacity history of the last buckets seen by a detector (newest at head). */
export type History = {
  capacity: number;
  size: number;
  head: number;
  t: Float64Array;
  counts: Float64Array;
  means: Float64Array;
  /** mean × relative uncertainty of the mean, per bucket. */
  meanUncertainty: Float64Array;
};

export type ScanResult = {
  score: number;
  closeScore: number;
  /** Best score among the windows that met every 'possible' condition (0 when none did)... */
  possibleScore: number;
  /** ...and the sums of that window (null when none did). */
  possibleSums: WindowSums | null;
  possibleHit: boolean;
  detectedHit: boolean;
};

export function createHistory(capacity: number): History {
  return {
    capacity,
    size: 0,
    head: -1,
    t: new Float64Array(capacity),
    counts: new Float64Array(capacity),
    means: new Float64Array(capacity),
    meanUncertainty: new Float64Array(capacity),
  };
}

export function pushHistory(
  history: History,
  t: number,
  count: number,
  expected: Expectation,
): void {
  history.head = (history.head + 1) % history.capacity;
  history.t[history.head] = t;
  history.counts[history.head] = count;
  history.means[history.head] = expected.mean;
  history.meanUncertainty[history.head] = expected.mean * (expected.uncertainty ?? 0);
  history.size = Math.min(history.size + 1, history.capacity);
}

/** Index of the bucket `age` steps back from the newest (age 0 = newest). */
export function historyIndex(history: History, age: number): number {
  return (history.head - age + history.capacity) % history.capacity;
}

/** Running sums over the newest buckets of a window. */
export type WindowSums = {
  count: number;
  mean: number;
  squaredMean: number;
  meanUncertainty: number;
};

export function emptySums(): WindowSums {
  return { count: 0, mean: 0, squaredMean: 0, meanUncertainty: 0 };
}

export function addBucket(sums: WindowSums, history: History, age: number): void {
  const i = historyIndex(history, age);
  const mean = history.means[i] ?? 0;
  sums.count += history.counts[i] ?? 0;
  sums.mean += mean;
  sums.squaredMean += mean * mean;
  sums.meanUncertainty += history.meanUncertainty[i] ?? 0;
}

/**
 * NB law of a window sum: the per-bucket dispersion averages out over independent buckets except
 * for a persistent share, and the uncertainty of the baseline itself does not average out.
 */
export function windowExpectation(
  sums: WindowSums,
  dispersion: number,
  correlatedShare: number,
): Expectation {
  if (sums.mean <= 0) return { mean: 0, dispersion };
  const independent = sums.squaredMean / (sums.mean * sums.mean);
  const noise = dispersion * (correlatedShare + (1 - correlatedShare) * independent);
  return { mean: sums.mean, dispersion: noise + sums.meanUncertainty / sums.mean };
}

/**
 * How far the baseline is likely off, judging by a window of observed counts: the baseline's
 * uncertainty and the persistent share of the overdispersion make one factor common to every
 * bucket around it (mean 1, relative variance `shared`); its gamma law updated by the window's
 * sum (conjugate Poisson likelihood) has this posterior mean. 1 when the baseline is exact; large
 * when an uncertain baseline meets a high count.
 */
export function baselineFactorGiven(
  window: WindowSums,
  dispersion: number,
  correlatedShare: number,
): number {
  if (!(window.mean > 0)) return 1;
  const shared = dispersion * correlatedShare + window.meanUncertainty / window.mean;
  if (!(shared > 0)) return 1;
  return (1 / shared + window.count) / (1 / shared + window.mean);
}

/** Relative standard deviation of the noise a whole window shares (persistent dispersion + baseline). */
export function sharedRelativeSd(sums: WindowSums, dispersion: number, correlatedShare: number): number {
  if (!(sums.mean > 0)) return 0;
  return Math.sqrt(dispersion * correlatedShare + sums.meanUncertainty / sums.mean);
}

/**
 * Tests every window ending at the newest bucket (and no longer than maxBuckets) against the NB law
 * of its expected sum.
 */
export function scanWindows(
  plan: DetectorPlan,
  history: History,
  dispersion: number,
  maxBuckets: number = Infinity,
): ScanResult {
  const { config, windows, closeWindows } = plan;
  const closeLimit = closeWindows.at(-1) ?? 1;
  const result: ScanResult = {
    score: 0,
    closeScore: 0,
    possibleScore: 0,
    possibleSums: null,
    possibleHit: false,
    detectedHit: false,
  };
  const sums = emptySums();
  let age = 0;
  for (const k of windows) {
    if (k > history.size || k > maxBuckets) break;
    for (; age < k; age++) addBucket(sums, history, age);
    const sum = sums.count;
    const sumMeans = sums.mean;
    if (sum <= sumMeans || sum < MIN_SCORED_COUNT) continue;
    const score = surpriseScore(
      sum,
      windowExpectation(sums, dispersion, config.correlatedDispersionShare),
    );
    const sd = sharedRelativeSd(sums, dispersion, config.correlatedDispersionShare);
    result.score = Math.max(result.score, score);
    if (k <= closeLimit) result.closeScore = Math.max(result.closeScore, score);
    if (
      score >= config.possibleScore &&
      sum >= config.minReportersPossible &&
      sum >= Math.max(config.minRatioPossible, 1 + config.ratioSdPossible * sd) * sumMeans
    ) {
      result.possibleHit = true;
      if (score > result.possibleScore) {
        result.possibleScore = score;
        result.possibleSums = { ...sums };
      }
    }
    if (
      score >= config.detectedScore &&
      sum >= config.minReportersDetected &&
      sum >= Math.max(config.minRatioDetected, 1 + config.ratioSdDetected * sd) * sumMeans
    ) {
      result.detectedHit = true;
    }
  }
  return result;
}

/** Sums of the buckets from `from` (epoch ms, inclusive) to the newest one held in the history. */
export function sumsSince(history: History, from: number): WindowSums {
  const sums = emptySums();
  for (let age = 0; age < history.size; age++) {
    if ((history.t[historyIndex(history, age)] ?? 0) < from) break;
    addBucket(sums, history, age);
  }
  return sums;
}
