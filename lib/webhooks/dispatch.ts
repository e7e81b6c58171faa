import type { Prisma, PrismaClient } from '@/lib/db/types';
import { claimDueDeliveries, disableWebhookRow, listActiveWebhooks, listTimelineAfter, queueDeliveries, recordAttempt, type TimelineEventRow } from '@/lib/db/webhooks';
import { matchesSubscription, webhookEventOf } from './events';
import { buildPayload } from './payload';
import { nextAttemptAt, shouldDisable } from './schedule';
import type { SendResult } from './deliver';

const FAN_OUT_PAGE = 500;
const DELIVERY_BATCH = 50;
const LEASE_MS = 60_000;

/** Turns new timeline entries into queued deliveries, per active subscription and its filters. */
export async function fanOutWebhooks(db: PrismaClient, input: { now: Date; origin: string | null }): Promise<number> {
  let queued = 0;
  for (const sub of await listActiveWebhooks(db)) {
    const rows: TimelineEventRow[] = await listTimelineAfter(db, sub.cursor, FAN_OUT_PAGE);
    if (rows.length === 0) continue;
    const deliveries = rows.flatMap((row) => {
      const event = webhookEventOf(row.kind);
      if (!event) return [];
      const data = (row.data ?? {}) as Record<string, unknown>;
      const joined = typeof data.academyId === 'string' ? data.academyId : null;
      const facts = { platformId: row.incident.platformId, national: row.incident.scope === 'national', academies: row.incident.academies };
      if (!matchesSubscription(sub, event, facts, joined)) return [];
      const payload = buildPayload({ deliveryKey: `${sub.id}:${row.id}`, event, row, origin: input.origin, locale: sub.locale });
      return [{ incidentEventId: row.id, event, payload: payload as unknown as Prisma.InputJsonValue }];
    });
    await queueDeliveries(db, { subscriptionId: sub.id, cursor: rows[rows.length - 1]?.id ?? sub.cursor, deliveries, now: input.now });
    queued += deliveries.length;
  }
  return queued;
}

export type Sender = (input: { url: string; secret: string; body: string; event: string; deliveryId: string; now: Date }) => Promise<SendResult>;
export type DisabledNotice = { email: string; url: string; reason: string };

/** One attempt for each due delivery (five at a time); failing subscriptions are switched off and their owners told. */
export async function deliverDueWebhooks(db: PrismaClient, input: { now: Date; send: Sender; notify: (notice: DisabledNotice) => Promise<void> }): Promise<{ delivered: number; failed: number }> {
  const due = await claimDueDeliveries(db, { now: input.now, limit: DELIVERY_BATCH, leaseMs: LEASE_MS });
  let delivered = 0;
  let failed = 0;
  const work = due.map((d) => async () => {
    const result = await input.send({ url: d.url, secret: d.secret, body: JSON.stringify(d.payload), event: d.event, deliveryId: d.id, now: input.now });
    const attempts = d.attempts + 1;
    const outcome = result.ok
      ? result
      : { ...result, nextAttemptAt: ((t) => (t === null ? null : new Date(t)))(nextAttemptAt({ attempts, createdAt: d.createdAt.getTime(), now: input.now.getTime() })) };
    const failures = await recordAttempt(db, { deliveryId: d.id, subscriptionId: d.subscriptionId, outcome, now: input.now });
    if (result.ok) delivered += 1;
    else failed += 1;
    const gaveUp = !result.ok && 'nextAttemptAt' in outcome && outcome.nextAttemptAt === null;
    if (shouldDisable(failures) || gaveUp) {
      const reason = shouldDisable(failures) ? `${failures} échecs de remise consécutifs.` : 'Une notification n’a pas pu être remise pendant 24 heures.';
      const owner = await disableWebhookRow(db, { id: d.subscriptionId, reason, now: input.now });
      if (owner) await input.notify({ ...owner, reason }).catch(() => undefined);
    }
  });
  for (let i = 0; i < work.length; i += 5) await Promise.all(work.slice(i, i + 5).map((run) => run()));
  return { delivered, failed };
}
