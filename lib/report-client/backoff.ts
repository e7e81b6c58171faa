import { backoffDelayMs } from '@/lib/domain/backoff';

export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 5 * 60_000;
/** A Retry-After longer than this is treated as this (a misconfigured proxy must not park reports for days). */
export const RETRY_AFTER_MAX_MS = 60 * 60_000;

/**
 * Delay in ms before retry number `attempt` (1 = first retry): exponential from RETRY_BASE_MS up to
 * RETRY_MAX_MS with "equal jitter" (half fixed, half random) so phones do not retry in lockstep,
 * and never shorter than the server's Retry-After.
 */
export function computeRetryDelayMs(input: {
  attempt: number;
  random: () => number;
  retryAfterMs?: number;
}): number {
  const jittered = backoffDelayMs(input.attempt - 1, { baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS }, input.random);
  const floor = Math.min(Math.max(0, input.retryAfterMs ?? 0), RETRY_AFTER_MAX_MS);
  return Math.round(Math.max(jittered, floor));
}

/** Retry-After header (delta-seconds or HTTP date) as milliseconds from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = /GMT$/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
