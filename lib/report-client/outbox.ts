import { computeRetryDelayMs } from './backoff';
import type { OutboxEvent, OutboxItem, ReportPayload, SendOutcome } from './types';

export type ApplyResult = { items: OutboxItem[]; event: OutboxEvent | null };

function keyOf(item: OutboxItem): string {
  return item.payload.idempotencyKey;
}

/** Adds a report to send now; a key already in the outbox is kept once (the first copy wins). */
export function enqueueReport(items: OutboxItem[], payload: ReportPayload, nowMs: number): OutboxItem[] {
  if (items.some((item) => keyOf(item) === payload.idempotencyKey)) return items;
  const item: OutboxItem = {
    payload,
    createdAt: nowMs,
    attempts: 0,
    nextAttemptAt: nowMs,
    notBefore: 0,
    state: 'pending',
  };
  return [...items, item];
}

/** Pending reports whose next attempt is due, oldest first. */
export function listDueReports(items: OutboxItem[], nowMs: number): OutboxItem[] {
  return items
    .filter((item) => item.state === 'pending' && item.nextAttemptAt <= nowMs)
    .sort((a, b) => a.createdAt - b.createdAt);
}

export function listPendingReports(items: OutboxItem[]): OutboxItem[] {
  return items.filter((item) => item.state === 'pending');
}

/** Epoch ms of the next due attempt, or null when nothing is pending. */
export function nextWakeAt(items: OutboxItem[]): number | null {
  const times = listPendingReports(items).map((item) => item.nextAttemptAt);
  return times.length > 0 ? Math.min(...times) : null;
}

/** The network came back: everything pending is due now, except what the server asked to hold back. */
export function markAllDue(items: OutboxItem[], nowMs: number): OutboxItem[] {
  return items.map((item) =>
    item.state === 'pending' ? { ...item, nextAttemptAt: Math.max(nowMs, item.notBefore) } : item,
  );
}

export function removeReport(items: OutboxItem[], key: string): OutboxItem[] {
  return items.filter((item) => keyOf(item) !== key);
}

/**
 * Records the result of one attempt: delivered reports leave the outbox, refused ones stay as
 * `rejected` until the user has seen them, the rest wait for their next attempt.
 */
export function applySendOutcome(
  items: OutboxItem[],
  key: string,
  outcome: SendOutcome,
  ctx: { nowMs: number; random: () => number },
): ApplyResult {
  const item = items.find((candidate) => keyOf(candidate) === key);
  if (!item) return { items, event: null };
  const { payload } = item;
  if (outcome.kind === 'delivered') {
    return { items: removeReport(items, key), event: { type: 'delivered', payload, report: outcome.report } };
  }
  if (outcome.kind === 'rejected') {
    const rejected: OutboxItem = { ...item, state: 'rejected', error: outcome.error };
    return {
      items: items.map((candidate) => (candidate === item ? rejected : candidate)),
      event: { type: 'rejected', payload, error: outcome.error },
    };
  }
  const attempts = item.attempts + 1;
  const delay = computeRetryDelayMs({ attempt: attempts, random: ctx.random, retryAfterMs: outcome.retryAfterMs });
  const notBefore = outcome.retryAfterMs !== undefined ? ctx.nowMs + delay : item.notBefore;
  const next: OutboxItem = { ...item, attempts, nextAttemptAt: ctx.nowMs + delay, notBefore };
  return {
    items: items.map((candidate) => (candidate === item ? next : candidate)),
    event: { type: 'queued', payload, nextAttemptAt: next.nextAttemptAt, reason: outcome.reason },
  };
}
