import type { CountPoint } from './types';

/** Bucket width in ms: median gap between consecutive distinct timestamps (null if < 2 points). */
export function detectBucketMs(timestamps: readonly number[]): number | null {
  const sorted = [...new Set(timestamps)].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) gaps.push((sorted[i] ?? 0) - (sorted[i - 1] ?? 0));
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const median =
    gaps.length % 2 === 1 ? (gaps[mid] ?? 0) : ((gaps[mid - 1] ?? 0) + (gaps[mid] ?? 0)) / 2;
  return median > 0 ? median : null;
}

/**
 * Regular series on a grid of bucketMs starting at the first point: counts of points falling in the
 * same bucket are summed and missing buckets are 0. Input need not be sorted.
 */
export function fillBuckets(points: readonly CountPoint[], bucketMs: number): CountPoint[] {
  if (points.length === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const point of points) {
    first = Math.min(first, point.t);
    last = Math.max(last, point.t);
  }
  const size = Math.floor((last - first) / bucketMs) + 1;
  const counts = new Float64Array(size);
  for (const point of points) {
    const i = Math.floor((point.t - first) / bucketMs);
    counts[i] = (counts[i] ?? 0) + point.count;
  }
  return Array.from(counts, (count, i) => ({ t: first + i * bucketMs, count }));
}

/** Start of the bucket containing t on a grid aligned to the epoch. */
export function bucketStart(t: number, bucketMs: number): number {
  return Math.floor(t / bucketMs) * bucketMs;
}
