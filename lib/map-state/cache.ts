/**
 * Cache of computed map states. `get` answers from a fresh entry, or from a stale one while a
 * single background load refreshes it, or waits for the one load in flight for that key. Values
 * are JSON-serialisable so a shared (Redis) implementation can replace this one behind the same type.
 */
export type MapStateCache<V> = {
  get(key: string, policy: CachePolicy, load: () => Promise<V>): Promise<V>;
  /** Drops every entry (moderation or incident changes, stream resync); loads in flight are not stored. */
  invalidate(): void;
  size(): number;
};

/**
 * ttlMs: served as is; then up to staleMs more: served while one background load refreshes it. Past
 * that, callers wait for a load, except while one is already running (a slow database): then the
 * entry is still served, up to STALE_WHILE_LOADING_MS old.
 */
export type CachePolicy = { ttlMs: number; staleMs: number };

export const STALE_WHILE_LOADING_MS = 30_000;
/** A load that took L ms keeps its value fresh for at least 4 L (up to 3 × ttlMs): a slow database is polled less. */
const LOAD_TTL_FACTOR = 4;
const MAX_TTL_STRETCH = 3;

type Entry<V> = { value: V; freshUntil: number; staleUntil: number };

export function createMemoryMapStateCache<V>(opts: { maxEntries?: number; now?: () => number; onError?: (error: unknown) => void } = {}): MapStateCache<V> {
  const maxEntries = opts.maxEntries ?? 1000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry<V>>();
  const inflight = new Map<string, Promise<V>>();
  let generation = 0;

  function load(key: string, policy: CachePolicy, loader: () => Promise<V>): Promise<V> {
    const running = inflight.get(key);
    if (running) return running;
    const startedIn = generation;
    const startedAt = now();
    const promise = loader()
      .then((value) => {
        if (startedIn === generation) {
          const t = now();
          const ttl = Math.min(policy.ttlMs * MAX_TTL_STRETCH, Math.max(policy.ttlMs, (t - startedAt) * LOAD_TTL_FACTOR));
          entries.delete(key);
          entries.set(key, { value, freshUntil: t + ttl, staleUntil: t + ttl + policy.staleMs });
          while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
        }
        return value;
      })
      .finally(() => {
        if (inflight.get(key) === promise) inflight.delete(key);
      });
    inflight.set(key, promise);
    return promise;
  }

  return {
    get(key, policy, loader) {
      const entry = entries.get(key);
      const t = now();
      if (entry && t < entry.freshUntil) return Promise.resolve(entry.value);
      if (entry && t < entry.staleUntil) {
        load(key, policy, loader).catch((error: unknown) => opts.onError?.(error));
        return Promise.resolve(entry.value);
      }
      if (entry && inflight.has(key) && t < entry.freshUntil + STALE_WHILE_LOADING_MS) return Promise.resolve(entry.value);
      return load(key, policy, loader);
    },
    invalidate() {
      generation += 1;
      entries.clear();
      inflight.clear();
    },
    size: () => entries.size,
  };
}
