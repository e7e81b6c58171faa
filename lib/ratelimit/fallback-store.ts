import type { RateLimitHit, RateLimitStore } from './types';

/**
 * A shared store (Redis) that degrades to a per-instance one while it is unreachable (starting,
 * reconnecting, down): limits stay enforced per instance instead of failing every request.
 */
export function createFallbackStore(
  primary: RateLimitStore,
  fallback: RateLimitStore,
  onError: (error: unknown) => void = () => {},
): RateLimitStore {
  return {
    async hit(key, windowMs, limit, now): Promise<RateLimitHit> {
      try {
        return await primary.hit(key, windowMs, limit, now);
      } catch (error) {
        onError(error);
        return fallback.hit(key, windowMs, limit, now);
      }
    },
    async reset(key) {
      await Promise.allSettled([primary.reset?.(key), fallback.reset?.(key)]);
    },
  };
}
