import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { findSeriesScope } from '@/lib/db/series';
import { confirmNotifySubscription, deleteNotifySubscriptionByToken, upsertNotifySubscription } from '@/lib/db/notify';
import { hitSourceLimit } from '@/lib/auth/read-access';
import { AppError } from '@/lib/http/errors';
import { retryAfterSeconds } from '@/lib/http/read-limit';
import { sendConfirmationMail } from './mail';
import type { NotifySubscribeInput } from './schema';

export const SUBSCRIBE_LIMIT = 10;
export const SUBSCRIBE_WINDOW_MS = 3_600_000;

export function newNotifyToken(): string {
  return randomBytes(24).toString('base64url');
}

async function requireKnownFilter(input: { platformId: string; academyId: string | null }): Promise<void> {
  const scope = await findSeriesScope(getDb(), input);
  const platform = scope.platform;
  const academy = input.academyId === null || scope.academy;
  const issues = [
    ...(platform ? [] : [{ field: 'platformId', code: 'platform_unknown', message: 'Service inconnu.' }]),
    ...(academy ? [] : [{ field: 'academyId', code: 'academy_unknown', message: 'Académie inconnue.' }]),
  ];
  if (issues.length > 0) throw new AppError('invalid_input', issues.map((i) => i.message).join(' '), { issues });
}

/** Subscribes a browser (active at once) or an e-mail address (active once the e-mailed link is followed). */
export async function subscribeToNotifications(input: { body: NotifySubscribeInput; headers: Headers; now?: Date }): Promise<{ channel: 'push' | 'email'; pending: boolean }> {
  const now = input.now ?? new Date();
  const hit = await hitSourceLimit(input.headers, { now, limit: SUBSCRIBE_LIMIT, windowMs: SUBSCRIBE_WINDOW_MS, key: (fp) => `notify:subscribe:${fp}` });
  if (!hit.allowed) {
    const seconds = retryAfterSeconds(hit.retryAfterMs);
    throw new AppError('rate_limited', `Trop d’abonnements depuis cette connexion. Réessayez dans ${seconds}\u00a0s.`, { retryAfterSeconds: seconds });
  }
  const { body } = input;
  const academyId = body.academyId ?? null;
  await requireKnownFilter({ platformId: body.platformId, academyId });
  const base = { platformId: body.platformId, academyId, locale: body.locale, unsubscribeToken: newNotifyToken(), now };
  if (body.channel === 'push') {
    const { endpoint, keys } = body.subscription;
    await upsertNotifySubscription(getDb(), { ...base, channel: 'push', endpoint, p256dh: keys.p256dh, auth: keys.auth, confirmToken: null });
    return { channel: 'push', pending: false };
  }
  const row = await upsertNotifySubscription(getDb(), { ...base, channel: 'email', email: body.email.toLowerCase(), confirmToken: newNotifyToken() });
  if (row.confirmToken) await sendConfirmationMail({ to: body.email, locale: body.locale, confirmToken: row.confirmToken, unsubscribeToken: row.unsubscribeToken });
  return { channel: 'email', pending: row.confirmToken !== null };
}

export async function confirmNotifications(token: string, now = new Date()): Promise<void> {
  if (!(await confirmNotifySubscription(getDb(), { token, now }))) {
    throw new AppError('not_found', 'Lien de confirmation inconnu ou déjà utilisé.');
  }
}

/** Deletes the subscription; an unknown token is not an error (the link may be followed twice). */
export async function unsubscribeFromNotifications(token: string): Promise<{ deleted: boolean }> {
  return { deleted: await deleteNotifySubscriptionByToken(getDb(), token) };
}
