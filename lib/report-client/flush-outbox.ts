import { applySendOutcome, listDueReports } from './outbox';
import type { OutboxStore } from './outbox-store';
import type { OutboxEvent, ReportPayload, SendOutcome } from './types';

export type FlushDeps = {
  store: OutboxStore;
  send: (payload: ReportPayload) => Promise<SendOutcome>;
  now: () => number;
  random: () => number;
  onEvent?: (event: OutboxEvent) => void;
};

/**
 * Sends every due report once, one at a time. The outbox is re-read before and after each request
 * so that another tab's progress is kept; the idempotency key makes a double send harmless.
 */
export async function flushOutbox(deps: FlushDeps): Promise<OutboxEvent[]> {
  const events: OutboxEvent[] = [];
  const attempted = new Set<string>();
  for (;;) {
    const due = listDueReports(deps.store.load(), deps.now()).find(
      (item) => !attempted.has(item.payload.idempotencyKey),
    );
    if (!due) return events;
    const key = due.payload.idempotencyKey;
    attempted.add(key);
    const outcome = await deps.send(due.payload);
    const applied = applySendOutcome(deps.store.load(), key, outcome, {
      nowMs: deps.now(),
      random: deps.random,
    });
    deps.store.save(applied.items);
    if (applied.event) {
      events.push(applied.event);
      deps.onEvent?.(applied.event);
    }
  }
}
