import type { ProblemCategory } from '@/lib/domain/types';
import type { CachePolicy } from './cache';
import { floorMinute } from './window';

/**
 * Reports may be backdated up to 24 h (outbox) and moderation changes past counts, so the last
 * 25 hours stay short-lived; older instants change only through moderation (invalidate()).
 */
const SETTLED_AFTER_MS = 25 * 3_600_000;

export type StateKind = 'live' | 'recent' | 'settled';

export function stateKind(at: Date | null, now: Date): StateKind {
  if (at === null) return 'live';
  return now.getTime() - at.getTime() > SETTLED_AFTER_MS ? 'settled' : 'recent';
}

/** Live: 1 s fresh + 2 s served stale while one refresh runs (so 1,000 pollers cost ~1 read/s). */
export const CACHE_POLICIES: Record<StateKind, CachePolicy> = {
  live: { ttlMs: 1_000, staleMs: 2_000 },
  recent: { ttlMs: 30_000, staleMs: 30_000 },
  settled: { ttlMs: 600_000, staleMs: 600_000 },
};

export const CACHE_CONTROL: Record<StateKind, string> = {
  live: 'public, max-age=1',
  recent: 'public, max-age=60',
  settled: 'public, max-age=3600, stale-while-revalidate=86400',
};

/** Key of the database inputs of a state (the platform filter is applied afterwards, in memory). */
export function inputsKey(input: { at: Date | null; category: ProblemCategory | null }): string {
  const at = input.at === null ? 'live' : new Date(floorMinute(input.at.getTime())).toISOString();
  return `${at}|${input.category ?? '*'}`;
}
