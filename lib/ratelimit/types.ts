export type RateLimitHit = {
  allowed: boolean;
  /** Hits counted in the window, including this one when it was allowed. */
  count: number;
  /** 0 when allowed; otherwise the wait until one more hit would be allowed (ms). */
  retryAfterMs: number;
};

/**
 * Sliding-window limiter store: a hit is allowed when fewer than `limit` allowed hits happened in
 * (now - windowMs, now]. Denied hits are not recorded, so a client that keeps retrying is let in
 * again as soon as its oldest hit leaves the window. `now` is epoch ms.
 */
export type RateLimitStore = {
  hit(key: string, windowMs: number, limit: number, now: number): Promise<RateLimitHit>;
  reset?(key: string): Promise<void>;
};
