import 'server-only';
import { appendAudit, type Tx } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { consumeUserToken, deleteUserSessions, findUserByEmail, getUserById, replaceUserToken, updateUserFields } from '@/lib/db/users';
import { AppError } from '@/lib/http/errors';
import { assertPasswordPolicy, reauthenticate } from './account';
import { isMailConfigured, publicUrl, sendMail } from './mailer';
import { hashPassword } from './password';
import { getAuthThrottleStore, loginSourceKey } from './runtime';
import { actorOf, type AuthSession } from './session';
import { clearLoginThrottle, throttleResetMail } from './throttle';
import { hashToken, randomToken } from './tokens';

export const RESET_LINK_TTL_MS = 60 * 60_000;
export const INVITE_LINK_TTL_MS = 72 * 60 * 60_000;
export const EMAIL_CHANGE_TTL_MS = 30 * 60_000;

export const RESET_PATH = '/connexion/reinitialiser';
export const EMAIL_CONFIRM_PATH = '/connexion/confirmer-email';

/** A single-use password link (only its hash is stored; a new one voids the previous one). */
export async function issueResetToken(tx: Tx, input: { userId: string; ttlMs: number; now: Date }): Promise<string> {
  const token = randomToken();
  await replaceUserToken(tx, { purpose: 'password-reset', userId: input.userId, tokenHash: hashToken(token), expires: new Date(input.now.getTime() + input.ttlMs) });
  return token;
}

export function resetPath(token: string): string {
  return `${RESET_PATH}?token=${encodeURIComponent(token)}`;
}

const INVALID_LINK = 'Lien invalide, déjà utilisé ou expiré : demandez-en un nouveau.';

/** Sets the password from a reset or invitation link; ends every session of the account. */
export async function completePasswordReset(input: { token: string; newPassword: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const passwordHash = await hashPassword(input.newPassword);
  const email = await getDb().$transaction(async (tx) => {
    const claim = await consumeUserToken(tx, { purpose: 'password-reset', tokenHash: hashToken(input.token), now });
    const user = claim ? await getUserById(tx, claim.userId) : null;
    if (!user || user.disabledAt) throw new AppError('invalid_input', INVALID_LINK);
    // Checked inside the transaction: a refused password rolls back and the link stays usable.
    assertPasswordPolicy(input.newPassword, user);
    await updateUserFields(tx, user.id, { passwordHash });
    const ended = await deleteUserSessions(tx, user.id);
    await appendAudit(tx, { actor: { userId: user.id, label: user.email }, action: 'account.password_reset', targetType: 'user', targetId: user.id, after: { sessionsEnded: ended } }, now);
    return user.email;
  });
  // The e-mailed link proves the owner: it lifts the guard that failed attempts put on the account.
  await clearLoginThrottle(getAuthThrottleStore(), email);
}

/** "Mot de passe oublié" (only with a mail server): same answer whether the address exists or not. */
export async function requestPasswordResetByMail(input: { email: string; headers: Headers; now?: Date }): Promise<void> {
  if (!isMailConfigured()) throw new AppError('not_found', 'La réinitialisation par e-mail n’est pas disponible : contactez un administrateur.');
  const now = input.now ?? new Date();
  const throttle = await throttleResetMail({ store: getAuthThrottleStore(), email: input.email, source: await loginSourceKey(input.headers), now });
  if (!throttle.allowed) throw new AppError('rate_limited', 'Trop de demandes : réessayez plus tard.', { retryAfterSeconds: throttle.retryAfterSeconds });
  const user = await findUserByEmail(getDb(), input.email);
  if (!user || user.disabledAt) return;
  const token = await getDb().$transaction(async (tx) => {
    const issued = await issueResetToken(tx, { userId: user.id, ttlMs: RESET_LINK_TTL_MS, now });
    await appendAudit(tx, { actor: { userId: null, label: 'libre-service' }, action: 'user.reset_link_issued', targetType: 'user', targetId: user.id, after: { via: 'e-mail' } }, now);
    return issued;
  });
  await sendMail({
    to: user.email,
    subject: 'Réinitialisation de votre mot de passe — École en panne',
    text: `Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :\n${publicUrl(resetPath(token))}\n\nSi vous n’avez rien demandé, ignorez ce message.`,
  });
}

/**
 * Changing the sign-in address needs the password (and second factor). With a mail server the new
 * address must confirm a link first; without one the change applies at once and other sessions end.
 */
export async function requestEmailChange(
  session: AuthSession,
  input: { newEmail: string; currentPassword: string; code?: string },
  now = new Date(),
): Promise<'link_sent' | 'changed'> {
  const user = await getUserById(getDb(), session.userId);
  if (!user) throw new AppError('unauthorized', 'Compte introuvable : reconnectez-vous.');
  await reauthenticate(user, { password: input.currentPassword, code: input.code }, now);
  if (await findUserByEmail(getDb(), input.newEmail)) throw new AppError('conflict', 'Cette adresse est déjà utilisée par un compte.');
  if (!isMailConfigured()) {
    await applyEmailChange(user.id, input.newEmail, { userId: user.id, label: user.email }, now, session.sessionId);
    return 'changed';
  }
  const token = randomToken();
  await getDb().$transaction(async (tx) => {
    await replaceUserToken(tx, { purpose: 'email-change', userId: user.id, tokenHash: hashToken(token), expires: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS), payload: input.newEmail });
    await appendAudit(tx, { actor: actorOf(session), action: 'account.email_change_requested', targetType: 'user', targetId: user.id, after: { newEmail: input.newEmail } }, now);
  });
  await sendMail({
    to: input.newEmail,
    subject: 'Confirmez votre nouvelle adresse — École en panne',
    text: `Pour utiliser cette adresse pour vous connecter, ouvrez ce lien (valable 30 minutes) :\n${publicUrl(`${EMAIL_CONFIRM_PATH}?token=${encodeURIComponent(token)}`)}`,
  });
  await sendMail({ to: user.email, subject: 'Changement d’adresse demandé — École en panne', text: `Un changement de l’adresse de connexion vers ${input.newEmail} a été demandé. Si ce n’est pas vous, prévenez un administrateur.` });
  return 'link_sent';
}

async function applyEmailChange(userId: string, newEmail: string, actor: { userId: string; label: string }, now: Date, keepSessionId?: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await getUserById(tx, userId);
    if (!before) throw new AppError('invalid_input', INVALID_LINK);
    if (await findUserByEmail(tx, newEmail)) throw new AppError('conflict', 'Cette adresse est déjà utilisée par un compte.');
    await updateUserFields(tx, userId, { email: newEmail, emailVerified: keepSessionId ? null : now });
    await deleteUserSessions(tx, userId, keepSessionId);
    await appendAudit(tx, { actor, action: 'account.email_changed', targetType: 'user', targetId: userId, before: { email: before.email }, after: { email: newEmail } }, now);
  });
}

/** The link sent to the new address: single use, 30 minutes; every session of the account ends. */
export async function confirmEmailChange(token: string, now = new Date()): Promise<void> {
  const claim = await getDb().$transaction((tx) => consumeUserToken(tx, { purpose: 'email-change', tokenHash: hashToken(token), now }));
  const user = claim ? await getUserById(getDb(), claim.userId) : null;
  if (!claim || !user || user.disabledAt || !claim.payload) throw new AppError('invalid_input', INVALID_LINK);
  await applyEmailChange(user.id, claim.payload, { userId: user.id, label: user.email }, now);
}
