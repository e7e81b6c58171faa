import 'server-only';
import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import { appendAudit } from '@/lib/db/audit';
import { createSessionRow, deleteSessionByToken, findActiveSession, findUserByEmail } from '@/lib/db/users';
import { burnPasswordCheck, verifyPassword } from './password';
import { getAuthThrottleStore, loginSourceKey } from './runtime';
import { credentialsSchema } from './schema';
import { checkSecondFactor } from './second-factor';
import { clearLoginThrottle, throttleLogin } from './throttle';
import { hashToken, randomToken } from './tokens';

/** Absolute lifetime of a session (cookie and database row); no sliding renewal. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** `account_guarded`: too many attempts on the account; the password alone no longer signs in. */
export type SignInFailure = 'invalid_credentials' | 'rate_limited' | 'totp_required' | 'totp_invalid' | 'account_guarded';

/** next-auth shows `message` as the `error` of the failed sign-in: the form maps it to a French message. */
export class SignInError extends Error {
  constructor(readonly code: SignInFailure) {
    super(code);
    this.name = 'SignInError';
  }
}

export type SignedInUser = { id: string; email: string; name: string | null; mfa: boolean };

/**
 * E-mail + password (+ TOTP or recovery code when the account has one). Throttled per source before
 * any check. An account that saw too many attempts is guarded, not locked: the right password with a
 * valid second factor still signs in, and every other attempt gets the same answer (no oracle).
 * Unknown accounts cost the same time as known ones.
 */
export async function authorizeCredentials(input: { raw: unknown; headers: Headers; now?: Date }): Promise<SignedInUser> {
  const now = input.now ?? new Date();
  const parsed = credentialsSchema.safeParse(input.raw);
  if (!parsed.success) throw new SignInError('invalid_credentials');
  const { email, password, code } = parsed.data;
  const throttle = await throttleLogin({ store: getAuthThrottleStore(), email, source: await loginSourceKey(input.headers), now, limitPerSource: env.LOGIN_LIMIT_PER_SOURCE });
  if (!throttle.allowed) throw new SignInError('rate_limited');
  const refuse = (failure: SignInFailure) => new SignInError(throttle.guarded ? 'account_guarded' : failure);
  const user = await findUserByEmail(getDb(), email);
  if (!user?.passwordHash || user.disabledAt) {
    await burnPasswordCheck(password);
    throw refuse('invalid_credentials');
  }
  if (!(await verifyPassword(password, user.passwordHash))) throw refuse('invalid_credentials');
  if (user.totpEnabledAt) {
    if (!code) throw refuse('totp_required');
    const factor = await checkSecondFactor({ userId: user.id, totpSecret: user.totpSecret, code, now });
    if (!factor) throw refuse('totp_invalid');
  } else if (throttle.guarded) {
    throw refuse('invalid_credentials');
  }
  await clearLoginThrottle(getAuthThrottleStore(), email);
  return { id: user.id, email: user.email, name: user.name, mfa: user.totpEnabledAt !== null };
}

/** Creates the server-side session behind a new cookie and records the sign-in; returns the cookie's session id. */
export async function openSession(input: {
  userId: string;
  email: string;
  provider: string;
  mfa: boolean;
  now?: Date;
}): Promise<string> {
  const now = input.now ?? new Date();
  const sid = randomToken();
  await getDb().$transaction(async (tx) => {
    await createSessionRow(tx, {
      tokenHash: hashToken(sid),
      userId: input.userId,
      expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
      mfaVerifiedAt: input.mfa ? now : null,
    });
    await appendAudit(
      tx,
      {
        actor: { userId: input.userId, label: input.email },
        action: 'auth.sign_in',
        targetType: 'user',
        targetId: input.userId,
        after: { provider: input.provider, secondFactor: input.mfa },
      },
      now,
    );
  });
  return sid;
}

/** Sign-out ends the server-side session too: the old cookie is worthless even if it was copied. */
export async function closeSession(sid: string, now = new Date()): Promise<void> {
  const session = await findActiveSession(getDb(), hashToken(sid), now);
  await getDb().$transaction(async (tx) => {
    await deleteSessionByToken(tx, hashToken(sid));
    if (!session) return;
    await appendAudit(
      tx,
      { actor: { userId: session.userId, label: session.user.email }, action: 'auth.sign_out', targetType: 'user', targetId: session.userId },
      now,
    );
  });
}
