import { LATE_DATA_TOLERANCE_MINUTES } from './thresholds';

const MINUTE_MS = 60_000;

/** Buckets whose counts were revised after their end (late outbox batches), as the detector saw them. */
export type LateBuckets = { t: number[]; knownAt: number[] };

export function createLateBuckets(): LateBuckets {
  return { t: [], knownAt: [] };
}

/** Records a bucket known only at `knownAt` (epoch ms) when that is later than its end plus the tolerance. */
export function noteBucket(late: LateBuckets, t: number, bucketMs: number, knownAt: number | undefined): void {
  if (knownAt === undefined || knownAt <= t + bucketMs + LATE_DATA_TOLERANCE_MINUTES * MINUTE_MS) return;
  late.t.push(t);
  late.knownAt.push(knownAt);
}

/** Forgets late buckets older than `since` (no open episode and no scan window reaches them). */
export function pruneLateBuckets(late: LateBuckets, since: number): void {
  let keep = 0;
  while (keep < late.t.length && (late.t[keep] ?? 0) < since) keep += 1;
  if (keep === 0) return;
  late.t.splice(0, keep);
  late.knownAt.splice(0, keep);
}

/**
 * When a decision taken at bucket `t` from the buckets since `since` could first be made: the end of
 * bucket `t`, or later if some of those buckets were only completed by a late batch.
 */
export function decisionKnownAt(late: LateBuckets, since: number, t: number, bucketMs: number): number {
  let known = t + bucketMs;
  for (let i = late.t.length - 1; i >= 0; i--) {
    const bucket = late.t[i] ?? 0;
    if (bucket < since) break;
    if (bucket <= t) known = Math.max(known, late.knownAt[i] ?? 0);
  }
  return known;
}

/**
 * A « détectée » that relied on late reports is published at the moment it could be known (the end
 * of its deciding minute moves to knownAt), keeping the minute its data points to in lateDetection.
 */
export function announceLateDetection<E extends { detectedAt: number | null; lateDetection?: { knownAt: number } }>(episode: E, bucketMs: number): E {
  if (episode.detectedAt === null || !episode.lateDetection) return episode;
  return { ...episode, detectedAt: Math.max(episode.detectedAt, episode.lateDetection.knownAt - bucketMs) };
}
