import type { RateLimitHit, RateLimitStore } from './types';

/**
 * A shared store (Redis) that degrades to a per-instance one while it is unreachable (starting,
 * reconnecting, down, frozen past its deadline): limits stay enforced per instance instead of
 * failing every request. After a failure the fallback alone answers for `cooldownMs` (request time).
 */
export function createFallbackStore(
  primary: RateLimitStore,
  fallback: RateLimitStore,
  onError: (error: unknown) => void = () => {},
  opts: { cooldownMs?: number } = {},
): RateLimitStore {
  const cooldownMs = opts.cooldownMs ?? 0;
  let skipUntil = Number.NEGATIVE_INFINITY;
  return {
    async hit(key, windowMs, limit, now): Promise<RateLimitHit> {
      if (now < skipUntil) return fallback.hit(key, windowMs, limit, now);
      try {
        return await primary.hit(key, windowMs, limit, now);
      } catch (error) {
        skipUntil = now + cooldownMs;
        onError(error);
        return fallback.hit(key, windowMs, limit, now);
      }
    },
    async reset(key) {
      await Promise.allSettled([primary.reset?.(key), fallback.reset?.(key)]);
    },
  };
}
