/** Minutes of reports behind an académie's state: minute buckets in [at - WINDOW_MINUTES, at). */
export const WINDOW_MINUTES = 30;
export const SPARKLINE_BUCKET_MINUTES = 5;
/** 36 × 5 minutes = the 3 hours before `at`. */
export const SPARKLINE_BUCKETS = 36;

const MINUTE_MS = 60_000;
const SPARKLINE_BUCKET_MS = SPARKLINE_BUCKET_MINUTES * MINUTE_MS;

export function floorMinute(t: number): number {
  return Math.floor(t / MINUTE_MS) * MINUTE_MS;
}

/** Start of the counting window (epoch ms): minute buckets starting in [windowFrom, at) count. */
export function windowFrom(at: Date, windowMinutes = WINDOW_MINUTES): Date {
  return new Date(at.getTime() - windowMinutes * MINUTE_MS);
}

/**
 * Start of the first sparkline bucket (epoch ms). Buckets are aligned on the clock and the last one
 * holds the minute just before `at` (at 09:02 it is [09:00, 09:05), partly filled).
 */
export function sparklineFrom(at: Date): Date {
  const last = Math.floor((at.getTime() - 1) / SPARKLINE_BUCKET_MS) * SPARKLINE_BUCKET_MS;
  return new Date(last - (SPARKLINE_BUCKETS - 1) * SPARKLINE_BUCKET_MS);
}

/** Index of the sparkline bucket holding instant t (epoch ms), or -1 when outside the 36 buckets. */
export function sparklineIndex(from: Date, t: number): number {
  const i = Math.floor((t - from.getTime()) / SPARKLINE_BUCKET_MS);
  return i >= 0 && i < SPARKLINE_BUCKETS ? i : -1;
}
