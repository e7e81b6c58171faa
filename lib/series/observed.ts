import type { SeriesLine } from './types';
import type { BucketRow } from '@/lib/domain/series';

export type { BucketRow };

/** Platforms drawn as their own line on a multi-platform chart. */
export const MAX_LINES = 5;

/**
 * Per-minute totals of every bucket, and the busiest platforms' own lines (only when the rows
 * hold more than one platform), from bucket sums.
 */
export function shapeObserved(input: {
  rows: readonly BucketRow[];
  length: number;
  bucketMinutes: number;
  maxLines?: number;
}): { observed: number[]; lines: SeriesLine[]; reporters: number } {
  const { rows, length, bucketMinutes, maxLines = MAX_LINES } = input;
  const totals = new Array<number>(length).fill(0);
  const byPlatform = new Map<string, number[]>();
  const platformTotals = new Map<string, number>();
  let reporters = 0;
  for (const row of rows) {
    if (row.i < 0 || row.i >= length) continue;
    totals[row.i] = (totals[row.i] ?? 0) + row.reporters;
    reporters += row.reporters;
    let values = byPlatform.get(row.platformId);
    if (!values) byPlatform.set(row.platformId, (values = new Array<number>(length).fill(0)));
    values[row.i] = (values[row.i] ?? 0) + row.reporters;
    platformTotals.set(row.platformId, (platformTotals.get(row.platformId) ?? 0) + row.reporters);
  }
  const perMinute = (values: number[]) => values.map((v) => v / bucketMinutes);
  const lines =
    byPlatform.size > 1
      ? [...platformTotals]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, maxLines)
          .map(([id]) => ({ id, values: perMinute(byPlatform.get(id) ?? []) }))
      : [];
  return { observed: perMinute(totals), lines, reporters };
}

/** The bucket with the most reporters per minute (earliest on ties), or null when all are zero. */
export function findPeak(t: readonly number[], observed: readonly number[]): { t: number; perMinute: number } | null {
  let best: { t: number; perMinute: number } | null = null;
  observed.forEach((value, i) => {
    if (value > 0 && (!best || value > best.perMinute)) best = { t: t[i] ?? 0, perMinute: value };
  });
  return best;
}

/** Indexes of the buckets where the observed rate is above the usual range. */
export function bucketsAboveBand(observed: readonly number[], high: readonly number[]): number[] {
  const out: number[] = [];
  observed.forEach((value, i) => {
    const limit = high[i];
    if (limit !== undefined && value > limit) out.push(i);
  });
  return out;
}

/** True when the baseline was learned after the end of the period shown (more than a day later, ISO instants). */
export function isLearnedAfter(learnedAt: string, periodEnd: string): boolean {
  return Date.parse(learnedAt) - Date.parse(periodEnd) > 86_400_000;
}
