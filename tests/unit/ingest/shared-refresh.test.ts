import { describe, expect, test } from 'vitest';
import { createSharedRefresh } from '@/lib/ingest/shared-refresh';

function deferredLoader() {
  const calls: { now: Date; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const load = (now: Date) => new Promise<string>((resolve, reject) => calls.push({ now, resolve, reject }));
  return { calls, load };
}

const at = (ms: number) => new Date(Date.UTC(2021, 3, 6, 7, 0, 0) + ms);

describe('createSharedRefresh', () => {
  test('a burst on a cold cache costs one read, shared by every caller', async () => {
    const { calls, load } = deferredLoader();
    const get = createSharedRefresh({ ttlMs: 60_000, load });
    const burst = Array.from({ length: 100 }, () => get(at(0)));
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('v1');
    expect(new Set(await Promise.all(burst))).toEqual(new Set(['v1']));
  });

  test('serves the value within the TTL without reading again', async () => {
    const { calls, load } = deferredLoader();
    const get = createSharedRefresh({ ttlMs: 60_000, load });
    const first = get(at(0));
    calls[0]!.resolve('v1');
    await first;
    expect(await get(at(59_999))).toBe('v1');
    expect(calls).toHaveLength(1);
  });

  test('past the TTL serves the previous value while one refresh runs, then the new one', async () => {
    const { calls, load } = deferredLoader();
    const get = createSharedRefresh({ ttlMs: 60_000, load });
    const first = get(at(0));
    calls[0]!.resolve('v1');
    await first;
    const stale = await Promise.all([get(at(60_000)), get(at(60_001)), get(at(60_002))]);
    expect(stale).toEqual(['v1', 'v1', 'v1']);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('v2');
    await new Promise((r) => setImmediate(r));
    expect(await get(at(60_003))).toBe('v2');
  });

  test('a failed first read rejects its callers and the next call reads again', async () => {
    const { calls, load } = deferredLoader();
    const get = createSharedRefresh({ ttlMs: 60_000, load });
    const first = get(at(0));
    calls[0]!.reject(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    const second = get(at(1));
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('v1');
    expect(await second).toBe('v1');
  });

  test('a failed refresh keeps serving the previous value', async () => {
    const { calls, load } = deferredLoader();
    const get = createSharedRefresh({ ttlMs: 60_000, load });
    const first = get(at(0));
    calls[0]!.resolve('v1');
    await first;
    expect(await get(at(60_000))).toBe('v1');
    calls[1]!.reject(new Error('database down'));
    await new Promise((r) => setImmediate(r));
    expect(await get(at(60_001))).toBe('v1');
    expect(calls).toHaveLength(3);
  });
});
