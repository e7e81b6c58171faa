import { describe, expect, test } from 'vitest';
import {
  applySendOutcome,
  enqueueReport,
  listDueReports,
  markAllDue,
  nextWakeAt,
} from '@/lib/report-client/outbox';
import type { AcceptedReport, OutboxItem, ReportPayload, SendOutcome } from '@/lib/report-client/types';

const T0 = Date.parse('2026-03-10T08:00:00Z');

function payload(key: string, overrides: Partial<ReportPayload> = {}): ReportPayload {
  return { platform: 'pronote', academy: 'versailles', category: 'login', idempotencyKey: key, ...overrides };
}

function accepted(key: string): AcceptedReport {
  return { id: `id-${key}`, status: 'accepted', counted: true, localCount: 3, platform: 'pronote', academy: 'versailles' };
}

const mid = () => 0.5;

function apply(items: OutboxItem[], key: string, outcome: SendOutcome, nowMs = T0, random = mid) {
  return applySendOutcome(items, key, outcome, { nowMs, random });
}

describe('enqueueReport', () => {
  test('adds a pending report due immediately', () => {
    const items = enqueueReport([], payload('key-aaaaaaaaaaaaaaaa'), T0);
    expect(items).toEqual([
      { payload: payload('key-aaaaaaaaaaaaaaaa'), createdAt: T0, attempts: 0, nextAttemptAt: T0, notBefore: 0, state: 'pending' },
    ]);
  });

  test('keeps a key once when the same report is enqueued twice', () => {
    const once = enqueueReport([], payload('key-a'), T0);
    const twice = enqueueReport(once, payload('key-a', { category: 'slow' }), T0 + 1000);
    expect(twice).toBe(once);
    expect(twice).toHaveLength(1);
    expect(twice[0]?.payload.category).toBe('login');
  });
});

describe('applySendOutcome', () => {
  test('removes a delivered report and reports it', () => {
    const items = enqueueReport(enqueueReport([], payload('key-a'), T0), payload('key-b'), T0);
    const { items: next, event } = apply(items, 'key-a', { kind: 'delivered', report: accepted('key-a') });
    expect(next.map((i) => i.payload.idempotencyKey)).toEqual(['key-b']);
    expect(event).toEqual({ type: 'delivered', payload: payload('key-a'), report: accepted('key-a') });
  });

  test('keeps a refused report as rejected, with the error, until the user dismisses it', () => {
    const error = { status: 400, code: 'invalid_input', message: 'Signalement invalide.', issues: [] };
    const { items, event } = apply(enqueueReport([], payload('key-a'), T0), 'key-a', { kind: 'rejected', error });
    expect(items[0]).toMatchObject({ state: 'rejected', error });
    expect(event).toEqual({ type: 'rejected', payload: payload('key-a'), error });
    expect(listDueReports(items, T0 + 10 ** 9)).toEqual([]);
    expect(nextWakeAt(items)).toBeNull();
  });

  test('schedules retries with exponential back-off and jitter, keeping the same key', () => {
    let items = enqueueReport([], payload('key-a'), T0);
    const delays: Array<[number, number]> = [];
    for (const random of [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]) {
      const before = items[0]?.attempts ?? 0;
      const result = apply(items, 'key-a', { kind: 'retry', reason: 'network' }, T0, () => random);
      items = result.items;
      delays.push([before + 1, (items[0]?.nextAttemptAt ?? 0) - T0]);
    }
    expect(delays).toEqual([
      [1, 1_000], [2, 4_000], [3, 4_000], [4, 16_000], [5, 16_000],
      [6, 64_000], [7, 64_000], [8, 256_000], [9, 150_000], [10, 300_000],
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]?.payload.idempotencyKey).toBe('key-a');
  });

  test('never retries before the server Retry-After, even when the network comes back', () => {
    const items = enqueueReport([], payload('key-a'), T0);
    const { items: next, event } = apply(items, 'key-a', { kind: 'retry', reason: 'rate_limited', retryAfterMs: 120_000 });
    expect(next[0]?.nextAttemptAt).toBe(T0 + 120_000);
    expect(next[0]?.notBefore).toBe(T0 + 120_000);
    expect(event).toMatchObject({ type: 'queued', nextAttemptAt: T0 + 120_000, reason: 'rate_limited' });
    expect(markAllDue(next, T0 + 5_000)[0]?.nextAttemptAt).toBe(T0 + 120_000);
    expect(markAllDue(next, T0 + 130_000)[0]?.nextAttemptAt).toBe(T0 + 130_000);
  });

  test('does nothing for a key another tab already settled', () => {
    const items = enqueueReport([], payload('key-a'), T0);
    expect(apply(items, 'key-zzz', { kind: 'delivered', report: accepted('key-zzz') })).toEqual({ items, event: null });
  });
});

describe('listDueReports, markAllDue and nextWakeAt', () => {
  test('lists due pending reports oldest first and wakes at the earliest retry', () => {
    let items = enqueueReport([], payload('key-a'), T0);
    items = enqueueReport(items, payload('key-b'), T0 + 10);
    items = apply(items, 'key-a', { kind: 'retry', reason: 'server' }).items;
    expect(listDueReports(items, T0 + 20).map((i) => i.payload.idempotencyKey)).toEqual(['key-b']);
    items = apply(items, 'key-b', { kind: 'retry', reason: 'server' }, T0 + 20).items;
    expect(nextWakeAt(items)).toBe(T0 + 1_500);
    expect(listDueReports(markAllDue(items, T0 + 30), T0 + 30).map((i) => i.payload.idempotencyKey)).toEqual(['key-a', 'key-b']);
  });
});
