import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { untilFirstConnection } from '@/lib/redis/client';
import type { RateLimitHit, RateLimitStore } from './types';

// Sliding window on a sorted set: drop old hits, count, add when allowed; atomic in Redis.
const HIT_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local member = ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, window)
  return {1, count + 1, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
local retry = tonumber(oldest[2]) + window - now
return {0, count, retry}
`;

const HIT_SHA = createHash('sha1').update(HIT_SCRIPT).digest('hex');

type HitReply = [number, number, number];

/**
 * The same sliding-window contract as the memory store, shared by every instance through Redis. The
 * script is run by its digest (EVALSHA: 40 bytes on the wire instead of the script), loaded by EVAL
 * the first time and after a Redis restart (NOSCRIPT).
 */
export function createRedisStore(redis: Redis, opts: { prefix?: string } = {}): RateLimitStore {
  const prefix = opts.prefix ?? 'rl:';
  let sequence = 0;
  const run = async (args: Array<string | number>): Promise<HitReply> => {
    const connecting = untilFirstConnection(redis);
    if (connecting) await connecting;
    try {
      return (await redis.evalsha(HIT_SHA, 1, ...args)) as HitReply;
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return (await redis.eval(HIT_SCRIPT, 1, ...args)) as HitReply;
    }
  };
  return {
    async hit(key, windowMs, limit, now): Promise<RateLimitHit> {
      sequence = (sequence + 1) % 1_000_000;
      const member = `${now}-${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
      const [allowed, count, retry] = await run([prefix + key, now, windowMs, limit, member]);
      return { allowed: allowed === 1, count, retryAfterMs: Math.max(0, retry) };
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
  };
}
