import type { CountBucket } from '@/lib/db/aggregates';
import { parisDate, parisMidnight } from '@/lib/calendar/paris-time';
import { addDays } from '@/lib/calendar/time-zones';

const MIN = 60_000;
/** Shortest time slice aggregated per query, per bucket width: bounds one query's work whatever the period. */
export const SLICE_MS: Record<CountBucket, number> = { '1min': 2 * 60 * MIN, '15min': 1440 * MIN, '1h': 7 * 1440 * MIN, '1j': 92 * 1440 * MIN };
const DAY_SLICE = 92;
/** Sparse slices (a narrow filter) double up to this many times the shortest, so a year is not hundreds of queries. */
const MAX_SLICE_FACTOR = 64;

/** Paris midnight starting the day `days` after the Paris day of `t`. */
function parisMidnightAfter(t: number, days: number): number {
  return parisMidnight(addDays(parisDate(t), days));
}

/** Start of the first slice: on a bucket boundary (a Paris midnight for days), so no bucket straddles two slices. */
export function firstSliceStart(from: Date, bucket: CountBucket): number {
  return bucket === '1j' ? parisMidnightAfter(from.getTime(), 0) : Math.floor(from.getTime() / SLICE_MS[bucket]) * SLICE_MS[bucket];
}

/** End of the slice starting at `start` (a slice boundary), `factor` times the shortest slice long. */
export function sliceEnd(start: number, bucket: CountBucket, factor: number): number {
  return bucket === '1j' ? parisMidnightAfter(start + 12 * 60 * MIN, DAY_SLICE * factor) : start + SLICE_MS[bucket] * factor;
}

/** The next slice's factor: doubled after a slice under a quarter page, halved after one over two pages. */
export function nextSliceFactor(factor: number, rows: number, pageSize: number): number {
  if (rows < pageSize / 4) return Math.min(factor * 2, MAX_SLICE_FACTOR);
  if (rows > pageSize * 2) return Math.max(1, factor / 2);
  return factor;
}
