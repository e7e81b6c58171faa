import { uuidv7 } from '@/lib/domain/uuid';
import type { PrismaClient } from '@/lib/generated/prisma/client';

const CURSOR_KEY = 'notify_cursor';

export type NewNotifySubscription = {
  platformId: string;
  academyId: string | null;
  locale: string;
  channel: 'push' | 'email';
  endpoint?: string;
  p256dh?: string;
  auth?: string;
  email?: string;
  confirmToken: string | null;
  unsubscribeToken: string;
};

export type NotifySubscriptionRow = { id: string; channel: string; email: string | null; confirmedAt: Date | null; unsubscribeToken: string; confirmToken: string | null; locale: string; platformId: string };

/** Creates the subscription, or refreshes the same browser's / address's subscription to the same filter. */
export async function upsertNotifySubscription(db: PrismaClient, input: NewNotifySubscription & { now: Date }): Promise<NotifySubscriptionRow> {
  const { now, ...data } = input;
  const same = await db.notifySubscription.findFirst({
    where: { channel: data.channel, platformId: data.platformId, academyId: data.academyId, ...(data.channel === 'push' ? { endpoint: data.endpoint } : { email: data.email }) },
  });
  if (same) {
    const keep = same.confirmedAt ? { confirmToken: null } : { confirmToken: data.confirmToken };
    return db.notifySubscription.update({ where: { id: same.id }, data: { locale: data.locale, p256dh: data.p256dh, auth: data.auth, ...keep } });
  }
  const confirmedAt = data.channel === 'push' ? now : null;
  return db.notifySubscription.create({ data: { id: uuidv7(), ...data, confirmedAt, lastNotifiedAt: now } });
}

export async function confirmNotifySubscription(db: PrismaClient, input: { token: string; now: Date }): Promise<boolean> {
  const { count } = await db.notifySubscription.updateMany({ where: { confirmToken: input.token }, data: { confirmToken: null, confirmedAt: input.now } });
  return count === 1;
}

export async function deleteNotifySubscriptionByToken(db: PrismaClient, token: string): Promise<boolean> {
  return (await db.notifySubscription.deleteMany({ where: { unsubscribeToken: token } })).count === 1;
}

/** Deletes subscriptions last notified (or created) before `idleBefore`, and e-mails left unconfirmed since before `unconfirmedBefore`. */
export async function deleteIdleNotifySubscriptions(db: PrismaClient, input: { idleBefore: Date; unconfirmedBefore: Date }): Promise<number> {
  const where = { OR: [{ lastNotifiedAt: { lt: input.idleBefore } }, { confirmedAt: null, createdAt: { lt: input.unconfirmedBefore } }] };
  return (await db.notifySubscription.deleteMany({ where })).count;
}

/** The last timeline entry already fanned out; starts at the newest entry so history is never replayed. */
export async function getNotifyCursor(db: PrismaClient): Promise<bigint> {
  const row = await db.setting.findUnique({ where: { key: CURSOR_KEY } });
  if (row && typeof row.value === 'string') return BigInt(row.value);
  const last = await db.incidentEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  const cursor = last?.id ?? 0n;
  await db.setting.upsert({ where: { key: CURSOR_KEY }, create: { key: CURSOR_KEY, value: cursor.toString() }, update: {} });
  return cursor;
}

export async function setNotifyCursor(db: PrismaClient, cursor: bigint): Promise<void> {
  await db.setting.upsert({ where: { key: CURSOR_KEY }, create: { key: CURSOR_KEY, value: cursor.toString() }, update: { value: cursor.toString() } });
}

/**
 * Queues one message per matching active subscription in one statement (no row reaches Node), so a
 * burst of subscriptions costs one INSERT … SELECT; the unique key keeps it at one per incident and state.
 */
export async function queueNotifyMessages(db: PrismaClient, input: { incidentId: string; state: string; platformId: string; national: boolean; academies: string[] }): Promise<number> {
  return db.$executeRaw`
    INSERT INTO notify_message (subscription_id, incident_id, state, status, created_at, updated_at)
    SELECT s.id, ${input.incidentId}::uuid, ${input.state}, 'pending', now(), now()
    FROM notify_subscription s
    WHERE s.platform_id = ${input.platformId} AND s.confirmed_at IS NOT NULL
      AND (s.academy_id IS NULL OR ${input.national} OR s.academy_id = ANY(${input.academies}::text[]))
    ON CONFLICT (subscription_id, incident_id, state) DO NOTHING`;
}

export type DueNotifyMessage = {
  id: bigint;
  state: string;
  incidentId: string;
  platformName: string;
  subscription: { id: string; channel: string; endpoint: string | null; p256dh: string | null; auth: string | null; email: string | null; locale: string; unsubscribeToken: string };
};

/** Claims up to `limit` pending messages (a claim left by a crashed worker is taken back after `leaseMs`). */
export async function claimNotifyMessages(db: PrismaClient, input: { now: Date; limit: number; leaseMs: number }): Promise<DueNotifyMessage[]> {
  const stale = new Date(input.now.getTime() - input.leaseMs);
  const claimed = await db.$queryRaw<Array<{ id: bigint }>>`
    UPDATE notify_message SET status = 'sending', updated_at = ${input.now}
    WHERE id IN (
      SELECT id FROM notify_message
      WHERE status = 'pending' OR (status = 'sending' AND updated_at < ${stale})
      ORDER BY id LIMIT ${input.limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (claimed.length === 0) return [];
  const rows = await db.notifyMessage.findMany({
    where: { id: { in: claimed.map((c) => c.id) } },
    orderBy: { id: 'asc' },
    include: { subscription: true },
  });
  const incidents = await db.incident.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.incidentId))] } }, select: { id: true, platform: { select: { name: true } } } });
  const names = new Map(incidents.map((i) => [i.id, i.platform.name]));
  return rows.map((r) => ({ id: r.id, state: r.state, incidentId: r.incidentId, platformName: names.get(r.incidentId) ?? '', subscription: r.subscription }));
}

export async function markNotifyMessages(db: PrismaClient, input: { ids: bigint[]; status: 'sent' | 'failed'; now: Date }): Promise<void> {
  if (input.ids.length === 0) return;
  await db.notifyMessage.updateMany({ where: { id: { in: input.ids } }, data: { status: input.status, sentAt: input.status === 'sent' ? input.now : null } });
}

export async function touchNotifySubscriptions(db: PrismaClient, input: { ids: string[]; now: Date }): Promise<void> {
  if (input.ids.length === 0) return;
  await db.notifySubscription.updateMany({ where: { id: { in: input.ids } }, data: { lastNotifiedAt: input.now } });
}

export async function deleteNotifySubscriptions(db: PrismaClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.notifySubscription.deleteMany({ where: { id: { in: ids } } });
}
