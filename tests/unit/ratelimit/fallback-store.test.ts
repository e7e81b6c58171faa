import { describe, expect, it } from 'vitest';
import { createFallbackStore } from '@/lib/ratelimit/fallback-store';
import { createMemoryStore } from '@/lib/ratelimit/memory-store';
import type { RateLimitStore } from '@/lib/ratelimit/types';

function failingStore(): RateLimitStore & { calls: number } {
  const store = {
    calls: 0,
    async hit(): Promise<never> {
      store.calls++;
      throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
    },
  };
  return store;
}

describe('createFallbackStore', () => {
  it('uses the shared store while it answers', async () => {
    const primary = createMemoryStore({ maxKeys: 10 });
    const fallback = createMemoryStore({ maxKeys: 10 });
    const store = createFallbackStore(primary, fallback);
    await store.hit('k', 60_000, 5, 1_000);
    expect(primary.size()).toBe(1);
    expect(fallback.size()).toBe(0);
  });

  it('keeps enforcing the limit per instance when the shared store fails', async () => {
    const errors: unknown[] = [];
    const primary = failingStore();
    const store = createFallbackStore(primary, createMemoryStore({ maxKeys: 10 }), (e) => errors.push(e));
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await store.hit('k', 60_000, 3, 1_000 + i));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterMs).toBeGreaterThan(0);
    expect(primary.calls).toBe(4);
    expect(errors).toHaveLength(4);
  });
});

describe('createFallbackStore with a cooldown', () => {
  it('answers from the fallback alone during the cooldown after a failure, then tries again', async () => {
    const primary = failingStore();
    const store = createFallbackStore(primary, createMemoryStore({ maxKeys: 10 }), () => {}, { cooldownMs: 1_000 });
    await store.hit('k', 60_000, 10, 1_000);
    await store.hit('k', 60_000, 10, 1_500);
    await store.hit('k', 60_000, 10, 1_999);
    expect(primary.calls).toBe(1);
    await store.hit('k', 60_000, 10, 2_000);
    expect(primary.calls).toBe(2);
  });
});
