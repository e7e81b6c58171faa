import type { PrismaClient } from '@/lib/db/types';
import { claimNotifyMessages, deleteIdleNotifySubscriptions, deleteNotifySubscriptions, getNotifyCursor, markNotifyMessages, queueNotifyMessages, setNotifyCursor, touchNotifySubscriptions, type DueNotifyMessage } from '@/lib/db/notify';
import { listTimelineAfter } from '@/lib/db/webhooks';
import { buildNotification, idleCutoff, unconfirmedCutoff, notifyStateOf, toNotifyLocale, type NotificationText, type NotifyState } from './messages';
import type { PushOutcome, PushTarget } from './push';

const FAN_OUT_PAGE = 200;
export const SEND_BATCH = 500;
const SEND_CONCURRENCY = 50;
const LEASE_MS = 5 * 60_000;

/** New timeline entries become queued messages (one INSERT … SELECT per entry); the job's cursor moves past them. */
export async function fanOutNotifications(db: PrismaClient): Promise<number> {
  const cursor = await getNotifyCursor(db);
  const rows = await listTimelineAfter(db, cursor, FAN_OUT_PAGE);
  let queued = 0;
  for (const row of rows) {
    const state = notifyStateOf(row.kind);
    if (!state) continue;
    const { id, platformId, scope, academies } = row.incident;
    queued += await queueNotifyMessages(db, { incidentId: id, state, platformId, national: scope === 'national', academies });
  }
  const last = rows[rows.length - 1];
  if (last) await setNotifyCursor(db, last.id);
  return queued;
}

export type NotifySenders = {
  push: (target: PushTarget, message: NotificationText) => Promise<PushOutcome>;
  mail: (input: { to: string; locale: 'fr' | 'en'; message: NotificationText; unsubscribeToken: string }) => Promise<void>;
};

async function sendOne(m: DueNotifyMessage, senders: NotifySenders, origin: string): Promise<PushOutcome> {
  const locale = toNotifyLocale(m.subscription.locale);
  const message = buildNotification({ state: m.state as NotifyState, locale, platformName: m.platformName, incidentId: m.incidentId, origin });
  const { endpoint, p256dh, auth, email, unsubscribeToken } = m.subscription;
  if (endpoint && p256dh && auth) return senders.push({ endpoint, p256dh, auth }, message);
  if (!email) return 'gone';
  return senders.mail({ to: email, locale, message, unsubscribeToken }).then(
    () => 'sent' as const,
    () => 'failed' as const,
  );
}

/** Sends one batch of queued messages, 50 at a time; gone push subscriptions are deleted. */
export async function sendQueuedNotifications(db: PrismaClient, input: { now: Date; origin: string; senders: NotifySenders; limit?: number }): Promise<{ sent: number; failed: number; gone: number }> {
  const due = await claimNotifyMessages(db, { now: input.now, limit: input.limit ?? SEND_BATCH, leaseMs: LEASE_MS });
  const outcomes: Array<{ m: DueNotifyMessage; outcome: PushOutcome }> = [];
  for (let i = 0; i < due.length; i += SEND_CONCURRENCY) {
    const slice = due.slice(i, i + SEND_CONCURRENCY);
    outcomes.push(...(await Promise.all(slice.map(async (m) => ({ m, outcome: await sendOne(m, input.senders, input.origin) })))));
  }
  const of = (o: PushOutcome) => outcomes.filter((x) => x.outcome === o);
  const [sent, failed, gone] = [of('sent'), of('failed'), of('gone')];
  await markNotifyMessages(db, { ids: sent.map((x) => x.m.id), status: 'sent', now: input.now });
  await markNotifyMessages(db, { ids: failed.map((x) => x.m.id), status: 'failed', now: input.now });
  await touchNotifySubscriptions(db, { ids: sent.filter((x) => x.m.state === 'down').map((x) => x.m.subscription.id), now: input.now });
  await deleteNotifySubscriptions(db, gone.map((x) => x.m.subscription.id));
  return { sent: sent.length, failed: failed.length, gone: gone.length };
}

export function purgeIdleNotifications(db: PrismaClient, now: Date): Promise<number> {
  return deleteIdleNotifySubscriptions(db, { idleBefore: idleCutoff(now), unconfirmedBefore: unconfirmedCutoff(now) });
}
