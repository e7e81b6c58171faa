import { MAX_HISTORY_DAYS, MIN_HISTORY_DAYS } from './thresholds';

const DAY_MS = 86_400_000;

/**
 * The history a baseline may learn from: the last MAX_HISTORY_DAYS whole days before `now`, but never
 * before this install started observing (days before its first report are unknown, not quiet).
 * Null when fewer than MIN_HISTORY_DAYS are available: the detector then uses the fallback thresholds.
 */
export function historyRange(now: number, firstObserved: number | null): { from: number; to: number } | null {
  const to = now - (now % DAY_MS);
  if (firstObserved === null) return null;
  const from = Math.max(to - MAX_HISTORY_DAYS * DAY_MS, firstObserved - (firstObserved % DAY_MS));
  return to - from >= MIN_HISTORY_DAYS * DAY_MS ? { from, to } : null;
}
