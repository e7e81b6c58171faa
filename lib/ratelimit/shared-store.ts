import Redis from 'ioredis';
import { createFallbackStore } from './fallback-store';
import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import type { RateLimitStore } from './types';

const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * The limiter store of one process: Redis shared by every instance when `redisUrl` is set (with a
 * per-instance memory store while Redis is unreachable), otherwise memory only.
 */
export function createSharedStore(input: { redisUrl?: string; prefix?: string; maxKeys: number; label: string }): RateLimitStore {
  const memory = createMemoryStore({ maxKeys: input.maxKeys });
  if (!input.redisUrl) return memory;
  const redis = new Redis(input.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  let lastLog = 0;
  const logThrottled = (error: unknown) => {
    const now = Date.now();
    if (now - lastLog < ERROR_LOG_INTERVAL_MS) return;
    lastLog = now;
    console.warn(`[ratelimit:${input.label}] Redis indisponible, limites appliquées par instance :`, (error as Error)?.message ?? error);
  };
  redis.on('error', logThrottled);
  return createFallbackStore(createRedisStore(redis, { prefix: input.prefix }), memory, logThrottled);
}
