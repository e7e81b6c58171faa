import { createRedisClient } from '@/lib/redis/client';
import { createFallbackStore } from './fallback-store';
import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import type { RateLimitStore } from './types';
import { componentLogger, errorMessage } from '@/lib/log/logger';

const log = componentLogger('ratelimit');

const ERROR_LOG_INTERVAL_MS = 30_000;
// After a failed or late Redis call, answer from memory for this long rather than wait again per request.
const FALLBACK_COOLDOWN_MS = 1_000;

/**
 * The limiter store of one process: Redis shared by every instance when `redisUrl` is set (with a
 * per-instance memory store while Redis is unreachable), otherwise memory only.
 */
export function createSharedStore(input: { redisUrl?: string; prefix?: string; maxKeys: number; label: string }): RateLimitStore {
  const memory = createMemoryStore({ maxKeys: input.maxKeys });
  if (!input.redisUrl) return memory;
  // Auto-pipelining: the limit checks of all the requests of one event-loop turn leave in one write
  // (one round trip, one syscall) instead of one each.
  const redis = createRedisClient(input.redisUrl, { enableAutoPipelining: true });
  let lastLog = 0;
  const logThrottled = (error: unknown) => {
    const now = Date.now();
    if (now - lastLog < ERROR_LOG_INTERVAL_MS) return;
    lastLog = now;
    log.warn({ limiter: input.label, err: errorMessage(error) }, 'Redis indisponible, limites appliquées par instance');
  };
  redis.on('error', logThrottled);
  return createFallbackStore(createRedisStore(redis, { prefix: input.prefix }), memory, logThrottled, { cooldownMs: FALLBACK_COOLDOWN_MS });
}
