/** Remembers solved challenges until they expire, so one solution cannot be replayed. */
export type UsedChallengeStore = {
  /** Atomically marks `id` as used; false when it already was. Times are epoch ms. */
  claim(id: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
};

const SWEEP_INTERVAL_MS = 10_000;

/**
 * In-process store (per server instance). Entries are dropped once their challenge has expired;
 * beyond `maxEntries` the entry closest to expiry is evicted first (insertion order ≈ expiry order).
 */
export function createMemoryUsedChallengeStore(options: {
  maxEntries: number;
}): UsedChallengeStore & { size(): number } {
  const used = new Map<string, number>();
  let lastSweepAt = Number.NEGATIVE_INFINITY;

  function sweep(nowMs: number): void {
    if (nowMs - lastSweepAt < SWEEP_INTERVAL_MS) return;
    lastSweepAt = nowMs;
    for (const [id, expiresAt] of used) if (expiresAt <= nowMs) used.delete(id);
  }

  function claimSync(id: string, expiresAtMs: number, nowMs: number): boolean {
    sweep(nowMs);
    const existing = used.get(id);
    if (existing !== undefined && existing > nowMs) return false;
    used.delete(id);
    while (used.size >= options.maxEntries) {
      const oldest = used.keys().next();
      if (oldest.done) break;
      used.delete(oldest.value);
    }
    used.set(id, expiresAtMs);
    return true;
  }

  return {
    claim: (id, expiresAtMs, nowMs) => Promise.resolve(claimSync(id, expiresAtMs, nowMs)),
    size: () => used.size,
  };
}
