import type { RateLimitStore } from '@/lib/ratelimit/types';
import { REQUEST_LIMIT } from '@/lib/domain/limits';
import { REQUEST_WINDOW_MS } from './thresholds';

export type RequestLimitDecision =
  { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const RATE_LIMITED_MESSAGE =
  'Trop de signalements envoyés depuis cette connexion. Réessayez dans un instant.';

/**
 * Request-level limit on POST /api/reports, per source fingerprint: above `limit` (default
 * REQUEST_LIMIT; an admin setting) requests per minute the handler answers 429 with `Retry-After`.
 */
export async function checkRequestLimit(input: {
  store: RateLimitStore;
  fingerprint: string;
  now: Date;
  limit?: number;
}): Promise<RequestLimitDecision> {
  const hit = await input.store.hit(
    `report-request:${input.fingerprint}`,
    REQUEST_WINDOW_MS,
    input.limit ?? REQUEST_LIMIT,
    input.now.getTime(),
  );
  if (hit.allowed) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(hit.retryAfterMs / 1000)) };
}
