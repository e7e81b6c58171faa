import { describe, expect, test } from 'vitest';
import { enqueueReport } from '@/lib/report-client/outbox';
import { parseStoredOutbox, serializeOutbox } from '@/lib/report-client/outbox-parse';
import { createOutboxStore, OUTBOX_STORAGE_KEY, type StorageLike } from '@/lib/report-client/outbox-store';

const item = enqueueReport(
  [],
  { platform: 'pronote', academy: 'lille', category: 'slow', comment: 'Très lent', idempotencyKey: 'key-store-0000001', observedAt: '2026-03-10T08:00:00.000Z' },
  1,
);

describe('parseStoredOutbox', () => {
  test('reads back what serializeOutbox wrote', () => {
    expect(parseStoredOutbox(serializeOutbox(item))).toEqual(item);
  });

  test.each([null, '', 'not json', '{"v":2,"items":[]}', '[]'])('reads %j as an empty outbox', (text) => {
    expect(parseStoredOutbox(text)).toEqual([]);
  });

  test('drops malformed entries and keeps the good ones', () => {
    const text = JSON.stringify({ v: 1, items: [{ payload: { platform: 'x' } }, item[0], { ...item[0], state: 'lost' }] });
    expect(parseStoredOutbox(text)).toEqual(item);
  });
});

describe('createOutboxStore', () => {
  test('falls back to memory when storage throws, and says it is not persistent', () => {
    const broken: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const store = createOutboxStore(broken);
    store.save(item);
    expect(store.isPersistent()).toBe(false);
    expect(store.load()).toEqual(item);
  });

  test('works in memory when there is no storage at all', () => {
    const store = createOutboxStore(null);
    store.save(item);
    expect(store.load()).toEqual(item);
    expect(store.isPersistent()).toBe(false);
  });

  test('writes under one key', () => {
    const data = new Map<string, string>();
    createOutboxStore({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }).save(item);
    expect([...data.keys()]).toEqual([OUTBOX_STORAGE_KEY]);
  });
});
