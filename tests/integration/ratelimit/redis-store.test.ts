import Redis from 'ioredis';
import { afterAll, describe, expect, test } from 'vitest';
import { createMemoryStore } from '@/lib/ratelimit/memory-store';
import { createRedisStore } from '@/lib/ratelimit/redis-store';
import { createRedisClient } from '@/lib/redis/client';
import type { RateLimitStore } from '@/lib/ratelimit/types';

const url = process.env.TEST_REDIS_URL;
const redis = url ? new Redis(url, { lazyConnect: true }) : null;
afterAll(async () => {
  await redis?.quit();
});

async function sequence(store: RateLimitStore, key: string) {
  const out = [];
  for (const t of [0, 100, 200, 300, 1100, 1150]) out.push(await store.hit(key, 1000, 3, 1_000_000 + t));
  return out.map((h) => [h.allowed, h.count, h.retryAfterMs]);
}

describe.skipIf(!url)('Redis rate-limit store (TEST_REDIS_URL)', () => {
  test('behaves exactly like the in-memory store (same sliding window contract)', async () => {
    await redis?.connect();
    const key = `test-${Date.now()}`;
    const fromRedis = await sequence(createRedisStore(redis as Redis, { prefix: 'test:' }), key);
    const fromMemory = await sequence(createMemoryStore({ maxKeys: 10 }), key);
    expect(fromRedis).toEqual(fromMemory);
    expect(fromRedis[3]).toEqual([false, 3, 700]);
  });

  test('runs its script by digest, and reloads it when Redis has lost it (restart, SCRIPT FLUSH)', async () => {
    await redis?.connect().catch(() => {});
    const store = createRedisStore(redis as Redis, { prefix: 'test:' });
    const key = `flush-${Date.now()}`;
    await redis?.script('FLUSH');
    expect((await store.hit(key, 60_000, 2, 5_000)).allowed).toBe(true);
    expect((await store.hit(key, 60_000, 2, 5_001)).count).toBe(2);
    await redis?.script('FLUSH');
    expect(await store.hit(key, 60_000, 2, 5_002)).toMatchObject({ allowed: false, count: 2 });
  });

  test('a hit sent while the client is still connecting waits for the connection (no fallback at start)', async () => {
    const fresh = createRedisClient(url as string, { enableAutoPipelining: true });
    try {
      expect(fresh.status).not.toBe('ready');
      const hit = await createRedisStore(fresh, { prefix: 'test:' }).hit(`start-${Date.now()}`, 60_000, 2, 5_000);
      expect(hit).toMatchObject({ allowed: true, count: 1 });
    } finally {
      fresh.disconnect();
    }
  });

  test('is shared between two clients (two app instances)', async () => {
    const other = new Redis(url as string);
    const key = `shared-${Date.now()}`;
    const a = createRedisStore(redis as Redis, { prefix: 'test:' });
    const b = createRedisStore(other, { prefix: 'test:' });
    await a.hit(key, 60_000, 2, 5_000);
    await b.hit(key, 60_000, 2, 5_001);
    expect((await a.hit(key, 60_000, 2, 5_002)).allowed).toBe(false);
    await other.quit();
  });
});
