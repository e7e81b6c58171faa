import 'server-only';
import { randomBytes } from 'node:crypto';
import { actorOf, type AuthSession } from '@/lib/auth/session';
import { appendAudit } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { readNames } from '@/lib/db/dashboard';
import { countWebhooks, createWebhookRow, deleteWebhookRow, listDeliveries, listWebhooks, reactivateWebhookRow, type WebhookDeliveryRow, type WebhookSubscriptionRow } from '@/lib/db/webhooks';
import { AppError } from '@/lib/http/errors';
import { getRuntimeSettings } from '@/lib/settings/runtime';
import { resolveAll } from './deliver';
import type { WebhookCreateInput } from './schema';
import { checkWebhookTarget, parseAllowedHosts } from './ssrf';

export const MAX_WEBHOOKS = 10;

export type WebhookView = { subscriptions: Array<Omit<WebhookSubscriptionRow, 'secret'>>; deliveries: WebhookDeliveryRow[] };

export async function listOwnWebhooks(session: AuthSession): Promise<WebhookView> {
  const db = getDb();
  const [subscriptions, deliveries] = await Promise.all([listWebhooks(db, session.userId), listDeliveries(db, { ownerId: session.userId, limit: 100 })]);
  return { subscriptions: subscriptions.map(({ secret: _secret, ...rest }) => rest), deliveries };
}

/** Checks the target and the filters, stores the subscription and returns its signing secret (shown once). */
export async function createWebhook(session: AuthSession, input: WebhookCreateInput, now = new Date()): Promise<{ id: string; secret: string }> {
  const db = getDb();
  const names = await readNames(db);
  const unknown = [...input.platformIds.filter((p) => !names.platforms[p]), ...input.academyIds.filter((a) => !names.academies[a])];
  if (unknown.length) throw new AppError('invalid_input', `Filtre inconnu : ${unknown.join(', ')}.`);
  const target = await checkWebhookTarget(input.url, resolveAll, parseAllowedHosts((await getRuntimeSettings()).webhookAllowedHosts));
  if (!target.ok) throw new AppError('invalid_input', target.message, { issues: [{ field: 'url', code: target.code, message: target.message }] });
  if ((await countWebhooks(db, session.userId)) >= MAX_WEBHOOKS) throw new AppError('conflict', `Au plus ${MAX_WEBHOOKS} webhooks par compte : supprimez-en un.`);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const row = await db.$transaction(async (tx) => {
    const created = await createWebhookRow(tx, { ownerId: session.userId, url: target.url.toString(), secret, platformIds: input.platformIds, academyIds: input.academyIds, events: input.events, locale: input.locale });
    await appendAudit(tx, { actor: actorOf(session), action: 'webhook.created', targetType: 'webhook', targetId: created.id, after: { url: created.url, platformIds: input.platformIds, academyIds: input.academyIds, events: input.events } }, now);
    return created;
  });
  return { id: row.id, secret };
}

export async function deleteWebhook(session: AuthSession, id: string, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    if (!(await deleteWebhookRow(tx, { id, ownerId: session.userId }))) throw new AppError('not_found', 'Webhook introuvable.');
    await appendAudit(tx, { actor: actorOf(session), action: 'webhook.deleted', targetType: 'webhook', targetId: id }, now);
  });
}

export async function reactivateWebhook(session: AuthSession, id: string, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    if (!(await reactivateWebhookRow(tx, { id, ownerId: session.userId }))) throw new AppError('not_found', 'Webhook introuvable.');
    await appendAudit(tx, { actor: actorOf(session), action: 'webhook.reactivated', targetType: 'webhook', targetId: id }, now);
  });
}
