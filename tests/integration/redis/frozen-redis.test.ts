import { peerHeaderValue } from '@/lib/http/peer';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createRedisBus } from '@/lib/live/redis-bus';
import { createSharedStore } from '@/lib/ratelimit/shared-store';
import { checkRedis, REDIS_COMMAND_TIMEOUT_MS } from '@/lib/redis/client';
import { startRedis, type RedisServer } from '../../../scripts/cluster/redis';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  redis.process.kill('SIGCONT');
  await redis.stop();
});

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

describe('a Redis frozen by SIGSTOP (process alive, TCP open, no answers)', () => {
  test('rate limits fall back to memory within the command deadline, and health says degraded', async () => {
    const store = createSharedStore({ redisUrl: redis.url, maxKeys: 100, label: 'test' });
    const bus = createRedisBus({ url: redis.url });
    await vi.waitFor(async () => expect((await checkRedis()).reachable).toBe(true), { timeout: 5_000 });
    expect((await store.hit('k', 60_000, 5, Date.now())).allowed).toBe(true);

    redis.process.kill('SIGSTOP');
    try {
      const first = await timed(store.hit('k', 60_000, 5, Date.now()));
      expect(first.value.allowed).toBe(true);
      expect(first.ms).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS + 500);
      const next = await timed(store.hit('k', 60_000, 5, Date.now()));
      expect(next.ms).toBeLessThan(50);

      const publish = await timed(bus.publish([{ kind: 'resync', seq: 1 }]).then(() => 'ok', () => 'failed'));
      expect(publish.value).toBe('failed');
      expect(publish.ms).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS + 500);

      const health = await timed(checkRedis());
      expect(health.value).toMatchObject({ configured: true, reachable: false });
      expect(health.ms).toBeLessThan(1_000);

      const { GET } = await import('@/app/api/health/route');
      // From this machine: the answer carries the operator's details (Redis among them).
      const res = await GET(new Request('http://localhost/api/health', { headers: { 'x-ecole-peer': peerHeaderValue('127.0.0.1') } }));
      const body = await res.json();
      expect(res.status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.redis.reachable).toBe(false);
    } finally {
      redis.process.kill('SIGCONT');
    }
    await vi.waitFor(async () => expect((await checkRedis()).reachable).toBe(true), { timeout: 5_000 });
    await bus.close();
  });
});
