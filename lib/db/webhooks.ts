import { uuidv7 } from '@/lib/domain/uuid';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

export type WebhookSubscriptionRow = {
  id: string;
  ownerId: string;
  url: string;
  secret: string;
  platformIds: string[];
  academyIds: string[];
  events: string[];
  locale: string;
  active: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
};

export type WebhookDeliveryRow = {
  id: string;
  subscriptionId: string;
  event: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
};

/** A timeline entry to fan out, with what the filters and the payload need of its incident. */
export type TimelineEventRow = {
  id: bigint;
  at: Date;
  kind: string;
  data: unknown;
  incident: { id: string; platformId: string; platformName: string; level: string; state: string; scope: string; startedAt: Date; endedAt: Date | null; academies: string[] };
};

export type DueDelivery = { id: string; subscriptionId: string; url: string; secret: string; payload: unknown; attempts: number; createdAt: Date; event: string };

async function lastEventId(db: PrismaClient | Tx): Promise<bigint> {
  const row = await db.incidentEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return row?.id ?? 0n;
}

/** A new subscription hears the events after its creation, not the history. */
export async function createWebhookRow(
  tx: Tx,
  input: { ownerId: string; url: string; secret: string; platformIds: string[]; academyIds: string[]; events: string[]; locale: string },
): Promise<WebhookSubscriptionRow> {
  return tx.webhookSubscription.create({ data: { id: uuidv7(), ...input, cursor: await lastEventId(tx) } });
}

export function countWebhooks(db: PrismaClient | Tx, ownerId: string): Promise<number> {
  return db.webhookSubscription.count({ where: { ownerId } });
}

export function listWebhooks(db: PrismaClient, ownerId: string): Promise<WebhookSubscriptionRow[]> {
  return db.webhookSubscription.findMany({ where: { ownerId }, orderBy: { createdAt: 'desc' } });
}

export function listDeliveries(db: PrismaClient, input: { ownerId: string; limit: number }): Promise<WebhookDeliveryRow[]> {
  return db.webhookDelivery.findMany({
    where: { subscription: { ownerId: input.ownerId } },
    orderBy: { createdAt: 'desc' },
    take: input.limit,
    select: { id: true, subscriptionId: true, event: true, status: true, attempts: true, nextAttemptAt: true, lastAttemptAt: true, lastStatus: true, lastError: true, deliveredAt: true, createdAt: true },
  });
}

/** Deletes one of the owner's subscriptions (and its log); false when it is not theirs. */
export async function deleteWebhookRow(tx: Tx, input: { id: string; ownerId: string }): Promise<boolean> {
  return (await tx.webhookSubscription.deleteMany({ where: { id: input.id, ownerId: input.ownerId } })).count === 1;
}

/** Switches a subscription back on after it was disabled; it hears events from now on. */
export async function reactivateWebhookRow(tx: Tx, input: { id: string; ownerId: string }): Promise<boolean> {
  const cursor = await lastEventId(tx);
  const { count } = await tx.webhookSubscription.updateMany({
    where: { id: input.id, ownerId: input.ownerId },
    data: { active: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null, cursor },
  });
  return count === 1;
}

export function listActiveWebhooks(db: PrismaClient): Promise<Array<WebhookSubscriptionRow & { cursor: bigint }>> {
  return db.webhookSubscription.findMany({ where: { active: true } });
}

/** Timeline entries after `after`, oldest first, with their incidents. */
export async function listTimelineAfter(db: PrismaClient, after: bigint, limit: number): Promise<TimelineEventRow[]> {
  const rows = await db.incidentEvent.findMany({
    where: { id: { gt: after } },
    orderBy: { id: 'asc' },
    take: limit,
    include: { incident: { include: { platform: { select: { name: true } }, academies: { select: { academyId: true } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    data: r.data,
    incident: {
      id: r.incident.id,
      platformId: r.incident.platformId,
      platformName: r.incident.platform.name,
      level: r.incident.level,
      state: r.incident.state,
      scope: r.incident.scope,
      startedAt: r.incident.startedAt,
      endedAt: r.incident.endedAt,
      academies: r.incident.academies.map((a) => a.academyId).sort(),
    },
  }));
}

/** Queues deliveries (at most once per subscription and event) and moves the subscription's cursor forward. */
export async function queueDeliveries(
  db: PrismaClient,
  input: { subscriptionId: string; cursor: bigint; deliveries: Array<{ incidentEventId: bigint; event: string; payload: Prisma.InputJsonValue }>; now: Date },
): Promise<void> {
  await db.$transaction(async (tx) => {
    if (input.deliveries.length > 0) {
      await tx.webhookDelivery.createMany({
        data: input.deliveries.map((d) => ({ id: uuidv7(input.now.getTime()), subscriptionId: input.subscriptionId, ...d, nextAttemptAt: input.now })),
        skipDuplicates: true,
      });
    }
    await tx.$executeRaw`UPDATE webhook_subscription SET cursor = GREATEST(cursor, ${input.cursor}), updated_at = now() WHERE id = ${input.subscriptionId}::uuid`;
  });
}

/**
 * Takes up to `limit` due deliveries of active subscriptions and leases them for `leaseMs` (another
 * instance skips them meanwhile), so each attempt is made by one instance.
 */
export async function claimDueDeliveries(db: PrismaClient, input: { now: Date; limit: number; leaseMs: number }): Promise<DueDelivery[]> {
  const lease = new Date(input.now.getTime() + input.leaseMs);
  const rows = await db.$queryRaw<Array<{ id: string; subscription_id: string; url: string; secret: string; payload: unknown; attempts: number; created_at: Date; event: string }>>`
    WITH due AS (
      SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
      WHERE d.status = 'pending' AND d.next_attempt_at <= ${input.now} AND s.active
      ORDER BY d.next_attempt_at LIMIT ${input.limit} FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE webhook_delivery d SET next_attempt_at = ${lease}, updated_at = now()
    FROM due, webhook_subscription s
    WHERE d.id = due.id AND s.id = d.subscription_id
    RETURNING d.id::text, d.subscription_id::text, s.url, s.secret, d.payload, d.attempts, d.created_at, d.event`;
  return rows.map((r) => ({ id: r.id, subscriptionId: r.subscription_id, url: r.url, secret: r.secret, payload: r.payload, attempts: r.attempts, createdAt: r.created_at, event: r.event }));
}

export type AttemptOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string; nextAttemptAt: Date | null };

/**
 * Records one attempt: a success resets the subscription's failure count; a failure schedules the next
 * try (or gives the delivery up) and counts against the subscription. Returns the new failure count.
 */
export async function recordAttempt(db: PrismaClient, input: { deliveryId: string; subscriptionId: string; outcome: AttemptOutcome; now: Date }): Promise<number> {
  const { outcome, now } = input;
  return db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: input.deliveryId },
      data: outcome.ok
        ? { status: 'delivered', attempts: { increment: 1 }, lastAttemptAt: now, lastStatus: outcome.status, lastError: null, deliveredAt: now }
        : {
            status: outcome.nextAttemptAt ? 'pending' : 'failed',
            attempts: { increment: 1 },
            lastAttemptAt: now,
            lastStatus: outcome.status,
            lastError: outcome.error.slice(0, 300),
            nextAttemptAt: outcome.nextAttemptAt ?? now,
          },
    });
    const sub = await tx.webhookSubscription.update({
      where: { id: input.subscriptionId },
      data: { consecutiveFailures: outcome.ok ? 0 : { increment: 1 } },
      select: { consecutiveFailures: true },
    });
    return sub.consecutiveFailures;
  });
}

/** Switches a failing subscription off and cancels what it still had to receive; returns its owner's e-mail. */
export async function disableWebhookRow(db: PrismaClient, input: { id: string; reason: string; now: Date }): Promise<{ email: string; url: string } | null> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookSubscription.updateMany({ where: { id: input.id, active: true }, data: { active: false, disabledAt: input.now, disabledReason: input.reason } });
    if (count === 0) return null;
    await tx.webhookDelivery.updateMany({ where: { subscriptionId: input.id, status: 'pending' }, data: { status: 'cancelled' } });
    const sub = await tx.webhookSubscription.findUnique({ where: { id: input.id }, select: { url: true, owner: { select: { email: true } } } });
    return sub ? { email: sub.owner.email, url: sub.url } : null;
  });
}
