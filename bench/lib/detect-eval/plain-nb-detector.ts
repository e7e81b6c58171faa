import { surpriseScore } from '@/lib/detect/nb-test';
import type { CountPoint, Episode, Expectation } from '@/lib/detect/types';

/** Settings of the comparison detector: one window, two score levels, closing after quiet buckets. */
export type PlainNbConfig = {
  windowBuckets: number;
  possibleScore: number;
  detectedScore: number;
  closeScore: number;
  quietBuckets: number;
  bucketMs: number;
};

export const PLAIN_NB_DEFAULTS: Omit<PlainNbConfig, 'bucketMs'> = {
  windowBuckets: 5,
  possibleScore: 6,
  detectedScore: 9,
  closeScore: 2,
  quietBuckets: 10,
};

/**
 * Plain seasonal negative-binomial tail test, the comparison baseline of bench:detect: the sum of
 * the last `windowBuckets` counts against NB(Σ seasonal means, the series' dispersion), 'possible'
 * and 'detected' at fixed -log10 p levels, no ratio or reporter guard, no day or level factor.
 */
export function detectPlainNb(input: {
  points: readonly CountPoint[];
  expected: (i: number) => Expectation;
  config: PlainNbConfig;
}): Episode[] {
  const { points, expected, config } = input;
  const episodes: Episode[] = [];
  let open: Episode | null = null;
  let quiet = 0;
  let count = 0;
  let mean = 0;
  let squared = 0;
  const means: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const point = points[i] as CountPoint;
    const e = expected(i);
    means.push(e.mean);
    count += point.count;
    mean += e.mean;
    squared += e.mean * e.mean;
    if (i >= config.windowBuckets) {
      const old = means[i - config.windowBuckets] ?? 0;
      count -= points[i - config.windowBuckets]?.count ?? 0;
      mean -= old;
      squared -= old * old;
    }
    const dispersion = mean > 0 ? (e.dispersion * squared) / (mean * mean) : e.dispersion;
    const score = count >= 2 ? surpriseScore(count, { mean: Math.max(mean, 1e-9), dispersion }) : 0;
    if (!open && score >= config.possibleScore) {
      open = { start: point.t, possibleAt: point.t, detectedAt: null, end: null, peakT: point.t, peakCount: point.count, level: 'possible', reporters: 0, maxScore: score };
      quiet = 0;
    }
    if (!open) continue;
    open.reporters += point.count;
    open.maxScore = Math.max(open.maxScore, score);
    if (score >= config.detectedScore && open.detectedAt === null) [open.detectedAt, open.level] = [point.t, 'detected'];
    quiet = score < config.closeScore ? quiet + 1 : 0;
    if (quiet >= config.quietBuckets) {
      open.end = point.t + config.bucketMs;
      episodes.push(open);
      open = null;
    }
  }
  if (open) episodes.push(open);
  return episodes;
}

