import { backoffDelayMs } from '@/lib/domain/backoff';

/** First reconnection delay of the live stream (ms), doubled per failure up to LIVE_RETRY_MAX_MS. */
export const LIVE_RETRY_BASE_MS = 1_000;
export const LIVE_RETRY_MAX_MS = 30_000;
/** After this many failed connections in a row the map polls /api/etat while it keeps retrying. */
export const POLL_AFTER_FAILURES = 3;
export const POLL_INTERVAL_MS = 5_000;
/** Full refresh while live: the counting window slides and the baselines move. */
export const REFRESH_INTERVAL_MS = 60_000;
/** Resyncs reach every viewer at once: each waits a random delay up to this before refetching. */
export const RESYNC_SPREAD_MS = 2_000;
/** Deltas are applied together at most this often (one render for a burst). */
export const APPLY_EVERY_MS = 250;

/** Delay before reconnection `failures` (1 = first), "equal jitter": half fixed, half random. */
export function liveRetryDelayMs(failures: number, random: () => number): number {
  return backoffDelayMs(failures - 1, { baseMs: LIVE_RETRY_BASE_MS, maxMs: LIVE_RETRY_MAX_MS }, random);
}

/** What to do after the stream failed `failures` times in a row: when to retry, and whether to poll meanwhile. */
export function afterStreamFailure(failures: number, random: () => number): { retryInMs: number; poll: boolean } {
  return { retryInMs: liveRetryDelayMs(failures, random), poll: failures >= POLL_AFTER_FAILURES };
}

/** `base` ± `spread`/2, never negative (timers of many viewers must not align). */
export function jittered(base: number, spread: number, random: () => number): number {
  return Math.max(0, Math.round(base - spread / 2 + spread * Math.min(1, Math.max(0, random()))));
}
