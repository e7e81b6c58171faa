import type { CountBucket } from '@/lib/db/aggregates';
import { parseInstant } from '@/lib/series/schema';
import { invalid, issue } from './http';

const DAY = 86_400_000;
const EARLIEST = Date.UTC(2000, 0, 1);

/** Longest period per bucket width for the paginated counts (exports take any period: they stream). */
export const MAX_COUNT_PERIOD_DAYS: Record<CountBucket, number> = { '1min': 7, '15min': 93, '1h': 366, '1j': 3660 };

/**
 * [from, to) from `de` / `a` (Paris wall-clock or ISO with offset): `a` defaults to now, `de` to
 * `defaultDays` before `a`. Throws a 400 with issue codes when unreadable, reversed or out of range.
 */
export function parsePeriod(q: { de?: string; a?: string }, opts: { now: number; defaultDays: number; maxDays?: number }): { from: Date; to: Date } {
  const to = q.a === undefined ? opts.now : parseInstant(q.a);
  const from = q.de === undefined ? (to ?? opts.now) - opts.defaultDays * DAY : parseInstant(q.de);
  if (from === null || to === null) {
    throw invalid([...(from === null ? [issue('de', 'from_invalid')] : []), ...(to === null ? [issue('a', 'to_invalid')] : [])]);
  }
  if (to <= from) throw invalid([issue('a', 'period_order')]);
  if (from < EARLIEST || to > opts.now + DAY) throw invalid([issue('de', 'period_out_of_range')]);
  if (opts.maxDays !== undefined && to - from > opts.maxDays * DAY) throw invalid([issue('de', 'period_too_long')]);
  return { from: new Date(from), to: new Date(to) };
}
