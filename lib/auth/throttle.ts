import type { RateLimitStore } from '@/lib/ratelimit/types';
import { hashToken } from './tokens';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Attempts per account per window: slows a guesser to 40 passwords an hour whatever its addresses. */
export const LOGIN_LIMIT_PER_ACCOUNT = 10;
/** Attempts per source per window: one address cannot spray many accounts. */
export const LOGIN_LIMIT_PER_SOURCE = 30;
export const SECOND_FACTOR_LIMIT = 10;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function accountKey(email: string): string {
  return `login:account:${hashToken(email.trim().toLowerCase())}`;
}

function denied(retryAfterMs: number): ThrottleDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** Counts one sign-in attempt against the source and the account; refused when either is over its limit. */
export async function throttleLogin(input: {
  store: RateLimitStore;
  email: string;
  source: string;
  now: Date;
}): Promise<ThrottleDecision> {
  const now = input.now.getTime();
  const bySource = await input.store.hit(`login:source:${input.source}`, LOGIN_WINDOW_MS, LOGIN_LIMIT_PER_SOURCE, now);
  if (!bySource.allowed) return denied(bySource.retryAfterMs);
  const byAccount = await input.store.hit(accountKey(input.email), LOGIN_WINDOW_MS, LOGIN_LIMIT_PER_ACCOUNT, now);
  if (!byAccount.allowed) return denied(byAccount.retryAfterMs);
  return { allowed: true };
}

/** After a successful sign-in the account starts afresh (the source count stays). */
export async function clearLoginThrottle(store: RateLimitStore, email: string): Promise<void> {
  await store.reset?.(accountKey(email));
}

/** Second-factor attempts of one signed-in user (step-up page, enrolment, re-authentication). */
export async function throttleSecondFactor(input: { store: RateLimitStore; userId: string; now: Date }): Promise<ThrottleDecision> {
  const hit = await input.store.hit(`mfa:${input.userId}`, LOGIN_WINDOW_MS, SECOND_FACTOR_LIMIT, input.now.getTime());
  return hit.allowed ? { allowed: true } : denied(hit.retryAfterMs);
}
