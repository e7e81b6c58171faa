import { backoffDelayMs } from '@/lib/domain/backoff';

/** Retries for 24 hours after the event, then the delivery is given up. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_GAP_MS = 4 * 3_600_000;
/** Failed attempts in a row (across deliveries) after which a subscription is switched off. */
export const DISABLE_AFTER_FAILURES = 15;

/**
 * When to try again after `attempts` failed attempts: 30 s, 1 min, 2 min… doubling, at most 4 h apart,
 * never later than 24 h after the delivery was created; null = give up.
 */
export function nextAttemptAt(input: { attempts: number; createdAt: number; now: number }): number | null {
  // The shared back-off without its jitter (random = 1 gives the ceiling): one worker sends, nobody to spread out.
  const gap = backoffDelayMs(input.attempts - 1, { baseMs: FIRST_RETRY_MS, maxMs: MAX_RETRY_GAP_MS }, () => 1);
  const next = input.now + gap;
  const deadline = input.createdAt + RETRY_WINDOW_MS;
  if (input.now >= deadline) return null;
  return Math.min(next, deadline);
}

export function shouldDisable(consecutiveFailures: number): boolean {
  return consecutiveFailures >= DISABLE_AFTER_FAILURES;
}
