import 'server-only';
import { appendAudit } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { deleteUserSessions, getUserById, markSessionMfa, updateUserFields, type UserRecord } from '@/lib/db/users';
import { AppError } from '@/lib/http/errors';
import { hashPassword, verifyPassword } from './password';
import { checkPasswordPolicy, PASSWORD_MESSAGES } from './password-policy';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
import { getAuthThrottleStore } from './runtime';
import { checkSecondFactor } from './second-factor';
import { actorOf, type AuthSession } from './session';
import { throttleSecondFactor } from './throttle';
import { matchTotp, newTotpSecret, otpauthUri } from './totp';

export const TOTP_ISSUER = 'École en panne';

async function loadUser(userId: string): Promise<UserRecord> {
  const user = await getUserById(getDb(), userId);
  if (!user) throw new AppError('unauthorized', 'Compte introuvable : reconnectez-vous.');
  return user;
}

async function throttled(userId: string, now: Date): Promise<void> {
  const decision = await throttleSecondFactor({ store: getAuthThrottleStore(), userId, now });
  if (!decision.allowed) {
    throw new AppError('rate_limited', 'Trop d’essais : patientez avant de réessayer.', { retryAfterSeconds: decision.retryAfterSeconds });
  }
}

export function assertPasswordPolicy(password: string, identity: { email: string; name: string | null }): void {
  const issue = checkPasswordPolicy(password, identity);
  if (issue) {
    throw new AppError('invalid_input', PASSWORD_MESSAGES[issue], {
      issues: [{ field: 'newPassword', code: issue, message: PASSWORD_MESSAGES[issue] }],
    });
  }
}

/** Sensitive changes ask for the password again, and the second factor when the account has one. */
export async function reauthenticate(user: UserRecord, input: { password: string; code?: string }, now: Date): Promise<void> {
  await throttled(user.id, now);
  const passwordOk = user.passwordHash ? await verifyPassword(input.password, user.passwordHash) : false;
  if (!passwordOk) throw new AppError('forbidden', 'Mot de passe actuel incorrect.');
  if (!user.totpEnabledAt) return;
  if (!input.code || !(await checkSecondFactor({ userId: user.id, totpSecret: user.totpSecret, code: input.code, now }))) {
    throw new AppError('forbidden', 'Code de vérification incorrect.');
  }
}

/** Step 1 of TOTP enrolment: a new pending secret (replaced if the user starts again). */
export async function startTotpEnrollment(session: AuthSession): Promise<{ secret: string; uri: string }> {
  const user = await loadUser(session.userId);
  if (user.totpEnabledAt) throw new AppError('conflict', 'La double authentification est déjà activée.');
  const secret = newTotpSecret();
  await updateUserFields(getDb(), user.id, { totpSecret: secret });
  return { secret, uri: otpauthUri({ secret, account: user.email, issuer: TOTP_ISSUER }) };
}

export async function pendingTotp(session: AuthSession): Promise<{ secret: string; uri: string } | null> {
  const user = await loadUser(session.userId);
  if (user.totpEnabledAt || !user.totpSecret) return null;
  return { secret: user.totpSecret, uri: otpauthUri({ secret: user.totpSecret, account: user.email, issuer: TOTP_ISSUER }) };
}

/** Step 2: the first code proves the phone has the secret; returns the recovery codes, shown once. */
export async function confirmTotpEnrollment(session: AuthSession, code: string, now = new Date()): Promise<string[]> {
  await throttled(session.userId, now);
  const user = await loadUser(session.userId);
  if (user.totpEnabledAt) throw new AppError('conflict', 'La double authentification est déjà activée.');
  const step = user.totpSecret ? matchTotp({ secret: user.totpSecret, code, nowMs: now.getTime() }) : null;
  if (step === null) throw new AppError('invalid_input', 'Code incorrect : vérifiez l’heure du téléphone et réessayez.');
  const codes = generateRecoveryCodes();
  await getDb().$transaction(async (tx) => {
    await updateUserFields(tx, user.id, { totpEnabledAt: now, totpLastStep: step, recoveryCodes: codes.map(hashRecoveryCode) });
    await markSessionMfa(tx, session.sessionId, now);
    await appendAudit(tx, { actor: actorOf(session), action: 'account.totp_enabled', targetType: 'user', targetId: user.id }, now);
  });
  return codes;
}

/** Step-up of a session opened without the second factor (e-mail link, OpenID Connect). */
export async function verifySessionSecondFactor(session: AuthSession, code: string, now = new Date()): Promise<void> {
  await throttled(session.userId, now);
  const user = await loadUser(session.userId);
  if (!user.totpEnabledAt) throw new AppError('conflict', 'Activez d’abord la double authentification.');
  const method = await checkSecondFactor({ userId: user.id, totpSecret: user.totpSecret, code, now });
  if (!method) throw new AppError('invalid_input', 'Code incorrect ou déjà utilisé.');
  await getDb().$transaction(async (tx) => {
    await markSessionMfa(tx, session.sessionId, now);
    await appendAudit(tx, { actor: actorOf(session), action: 'auth.second_factor', targetType: 'user', targetId: user.id, after: { method } }, now);
  });
}

export async function renewRecoveryCodes(session: AuthSession, input: { password: string; code?: string }, now = new Date()): Promise<string[]> {
  const user = await loadUser(session.userId);
  if (!user.totpEnabledAt) throw new AppError('conflict', 'Activez d’abord la double authentification.');
  await reauthenticate(user, input, now);
  const codes = generateRecoveryCodes();
  await getDb().$transaction(async (tx) => {
    await updateUserFields(tx, user.id, { recoveryCodes: codes.map(hashRecoveryCode) });
    await appendAudit(tx, { actor: actorOf(session), action: 'account.recovery_codes_renewed', targetType: 'user', targetId: user.id }, now);
  });
  return codes;
}

/** New password after re-authentication; every other session of the account ends. */
export async function changePassword(
  session: AuthSession,
  input: { currentPassword: string; newPassword: string; code?: string },
  now = new Date(),
): Promise<void> {
  const user = await loadUser(session.userId);
  await reauthenticate(user, { password: input.currentPassword, code: input.code }, now);
  assertPasswordPolicy(input.newPassword, user);
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().$transaction(async (tx) => {
    await updateUserFields(tx, user.id, { passwordHash });
    const ended = await deleteUserSessions(tx, user.id, session.sessionId);
    await appendAudit(tx, { actor: actorOf(session), action: 'account.password_changed', targetType: 'user', targetId: user.id, after: { otherSessionsEnded: ended } }, now);
  });
}
