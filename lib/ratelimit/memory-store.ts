import type { RateLimitHit, RateLimitStore } from './types';

export type MemoryStore = RateLimitStore & {
  reset(key: string): Promise<void>;
  /** Number of keys currently held (live or not yet swept). */
  size(): number;
};

const SWEEP_INTERVAL_MS = 1_000;

/**
 * In-process sliding-log store (one instance per server process). Memory is bounded: each key
 * keeps at most `limit` timestamps, expired keys are swept as new keys arrive, and beyond
 * `maxKeys` the least recently used key is evicted, which forgets its history (fails open).
 */
export function createMemoryStore(options: { maxKeys: number }): MemoryStore {
  if (!Number.isInteger(options.maxKeys) || options.maxKeys < 1) {
    throw new Error('maxKeys doit être un entier positif.');
  }
  const entries = new Map<string, { hits: number[]; expiresAt: number }>();
  let lastSweepAt = Number.NEGATIVE_INFINITY;

  function sweep(now: number): void {
    if (now - lastSweepAt < SWEEP_INTERVAL_MS) return;
    lastSweepAt = now;
    for (const [key, entry] of entries) {
      if (entry.expiresAt <= now) entries.delete(key);
    }
  }

  function hitSync(key: string, windowMs: number, limit: number, now: number): RateLimitHit {
    const previous = entries.get(key);
    const hits = (previous?.hits ?? []).filter((t) => t > now - windowMs).slice(-limit);
    entries.delete(key);
    if (!previous && entries.size >= options.maxKeys) sweep(now);
    while (entries.size >= options.maxKeys) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
    const allowed = hits.length < limit;
    if (allowed) hits.push(now);
    const newest = hits.at(-1) ?? now;
    entries.set(key, { hits, expiresAt: newest + windowMs });
    const oldestHit = hits[0] ?? now;
    return {
      allowed,
      count: hits.length,
      retryAfterMs: allowed ? 0 : Math.max(1, oldestHit + windowMs - now),
    };
  }

  return {
    hit: (key, windowMs, limit, now) => Promise.resolve(hitSync(key, windowMs, limit, now)),
    reset: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
    size: () => entries.size,
  };
}
