import type { RateLimitStore } from '@/lib/ratelimit/types';
import { hashToken } from './tokens';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/**
 * Failed-looking attempts per account per window before the account is guarded: past it, only the
 * right password together with a valid TOTP or recovery code signs in (never a hard lock-out, which
 * anyone could trigger with 10 requests every 15 minutes).
 */
export const LOGIN_LIMIT_PER_ACCOUNT = 10;
/** Attempts per source per window: one address cannot spray many accounts. */
export const LOGIN_LIMIT_PER_SOURCE = 30;
export const SECOND_FACTOR_LIMIT = 10;
/** Reset e-mails per account per window: enough for the owner, useless for mail-bombing. */
export const RESET_MAIL_LIMIT_PER_ACCOUNT = 3;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };
/** `guarded`: the account saw too many attempts; only password + second factor may sign in now. */
export type LoginThrottle = { allowed: true; guarded: boolean } | { allowed: false; retryAfterSeconds: number };

function accountKey(email: string): string {
  return `login:account:${hashToken(email.trim().toLowerCase())}`;
}

function denied(retryAfterMs: number): { allowed: false; retryAfterSeconds: number } {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** Counts one sign-in attempt: refused when the source is over its limit, guarded when the account is. */
export async function throttleLogin(input: {
  store: RateLimitStore;
  email: string;
  source: string;
  now: Date;
  /** Attempts per source per window (LOGIN_LIMIT_PER_SOURCE by default). */
  limitPerSource?: number;
}): Promise<LoginThrottle> {
  const now = input.now.getTime();
  const bySource = await input.store.hit(`login:source:${input.source}`, LOGIN_WINDOW_MS, input.limitPerSource ?? LOGIN_LIMIT_PER_SOURCE, now);
  if (!bySource.allowed) return denied(bySource.retryAfterMs);
  const byAccount = await input.store.hit(accountKey(input.email), LOGIN_WINDOW_MS, LOGIN_LIMIT_PER_ACCOUNT, now);
  return { allowed: true, guarded: !byAccount.allowed };
}

/** After a successful sign-in or a password reset the account starts afresh (the source count stays). */
export async function clearLoginThrottle(store: RateLimitStore, email: string): Promise<void> {
  await store.reset?.(accountKey(email));
}

/** "Mot de passe oublié" requests: per source like sign-in, and a few e-mails per account. */
export async function throttleResetMail(input: { store: RateLimitStore; email: string; source: string; now: Date }): Promise<ThrottleDecision> {
  const now = input.now.getTime();
  const bySource = await input.store.hit(`login:source:${input.source}`, LOGIN_WINDOW_MS, LOGIN_LIMIT_PER_SOURCE, now);
  if (!bySource.allowed) return denied(bySource.retryAfterMs);
  const key = `reset-mail:${hashToken(input.email.trim().toLowerCase())}`;
  const byAccount = await input.store.hit(key, LOGIN_WINDOW_MS, RESET_MAIL_LIMIT_PER_ACCOUNT, now);
  return byAccount.allowed ? { allowed: true } : denied(byAccount.retryAfterMs);
}

/** Second-factor attempts of one signed-in user (step-up page, enrolment, re-authentication). */
export async function throttleSecondFactor(input: { store: RateLimitStore; userId: string; now: Date }): Promise<ThrottleDecision> {
  const hit = await input.store.hit(`mfa:${input.userId}`, LOGIN_WINDOW_MS, SECOND_FACTOR_LIMIT, input.now.getTime());
  return hit.allowed ? { allowed: true } : denied(hit.retryAfterMs);
}
