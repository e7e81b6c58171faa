import { describe, expect, test } from 'vitest';
import { flushOutbox } from '@/lib/report-client/flush-outbox';
import { enqueueReport } from '@/lib/report-client/outbox';
import { createOutboxStore, OUTBOX_STORAGE_KEY, type StorageLike } from '@/lib/report-client/outbox-store';
import type { ReportPayload, SendOutcome } from '@/lib/report-client/types';

const T0 = Date.parse('2026-03-10T08:00:00Z');

function payload(key: string): ReportPayload {
  return { platform: 'pronote', academy: 'versailles', category: 'login', idempotencyKey: key };
}

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** A server that answers from a script per attempt and records every key it received. */
function scriptedServer(script: SendOutcome[]) {
  const received: string[] = [];
  const stored = new Set<string>();
  async function send(p: ReportPayload): Promise<SendOutcome> {
    received.push(p.idempotencyKey);
    const outcome = script.shift() ?? { kind: 'retry', reason: 'network' };
    if (outcome.kind === 'delivered') stored.add(p.idempotencyKey);
    return outcome;
  }
  return { send, received, stored };
}

function delivered(key: string, status: 'accepted' | 'duplicate' = 'accepted'): SendOutcome {
  return { kind: 'delivered', report: { id: `id-${key}`, status, counted: true, localCount: 1, platform: 'pronote', academy: 'versailles' } };
}

describe('flushOutbox', () => {
  test('keeps a report through failures, retries it with the same key, and removes it once delivered', async () => {
    let now = T0;
    const storage = memoryStorage();
    const store = createOutboxStore(storage);
    store.save(enqueueReport([], payload('key-offline-000001'), now));
    const server = scriptedServer([
      { kind: 'retry', reason: 'network' },
      { kind: 'retry', reason: 'server', retryAfterMs: 30_000 },
      delivered('key-offline-000001'),
    ]);
    const deps = { store, send: server.send, now: () => now, random: () => 0 };

    expect((await flushOutbox(deps)).map((e) => e.type)).toEqual(['queued']);
    expect(await flushOutbox(deps)).toEqual([]);
    now = T0 + 1_000;
    expect((await flushOutbox(deps)).map((e) => e.type)).toEqual(['queued']);
    now = T0 + 20_000;
    expect(await flushOutbox(deps)).toEqual([]);
    now = T0 + 31_000;
    const events = await flushOutbox(deps);

    expect(events.map((e) => e.type)).toEqual(['delivered']);
    expect(server.received).toEqual(['key-offline-000001', 'key-offline-000001', 'key-offline-000001']);
    expect(store.load()).toEqual([]);
    expect(storage.data.get(OUTBOX_STORAGE_KEY)).toBe('{"v":1,"items":[]}');
  });

  test('sends each due report once per flush, oldest first, and reports every outcome', async () => {
    const store = createOutboxStore(memoryStorage());
    let items = enqueueReport([], payload('key-first-0000001'), T0);
    items = enqueueReport(items, payload('key-second-000001'), T0 + 1);
    items = enqueueReport(items, payload('key-third-0000001'), T0 + 2);
    store.save(items);
    const error = { status: 400, code: 'invalid_input', message: 'Ce service n’existe plus.', issues: [] };
    const server = scriptedServer([delivered('key-first-0000001', 'duplicate'), { kind: 'rejected', error }, { kind: 'retry', reason: 'network' }]);
    const seen: string[] = [];

    await flushOutbox({ store, send: server.send, now: () => T0 + 5, random: () => 0.5, onEvent: (e) => seen.push(e.type) });

    expect(server.received).toEqual(['key-first-0000001', 'key-second-000001', 'key-third-0000001']);
    expect(seen).toEqual(['delivered', 'rejected', 'queued']);
    expect(store.load().map((i) => [i.payload.idempotencyKey, i.state])).toEqual([
      ['key-second-000001', 'rejected'],
      ['key-third-0000001', 'pending'],
    ]);
  });

  test('survives a reload: a new store over the same storage finds the pending report', async () => {
    const storage = memoryStorage();
    createOutboxStore(storage).save(enqueueReport([], payload('key-reload-000001'), T0));
    const server = scriptedServer([delivered('key-reload-000001')]);
    const events = await flushOutbox({ store: createOutboxStore(storage), send: server.send, now: () => T0, random: Math.random });
    expect(events.map((e) => e.type)).toEqual(['delivered']);
    expect(server.stored).toEqual(new Set(['key-reload-000001']));
  });
});
