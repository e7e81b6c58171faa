import { describe, test, expect } from 'vitest';
import { checkRequestLimit } from '@/lib/ingest/request-limit';
import { REQUEST_LIMIT } from '@/lib/domain/limits';
import { createMemoryStore } from '@/lib/ratelimit/memory-store';

describe('checkRequestLimit', () => {
  test('allows REQUEST_LIMIT requests per minute, then answers with Retry-After seconds', async () => {
    const store = createMemoryStore({ maxKeys: 100 });
    const start = Date.parse('2021-04-06T07:02:00Z');
    for (let i = 0; i < REQUEST_LIMIT; i++) {
      const decision = await checkRequestLimit({
        store,
        fingerprint: 'fp-a',
        now: new Date(start + i * 1000),
      });
      expect(decision).toEqual({ allowed: true });
    }
    const denied = await checkRequestLimit({
      store,
      fingerprint: 'fp-a',
      now: new Date(start + 30_500),
    });
    expect(denied).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(
      await checkRequestLimit({ store, fingerprint: 'fp-b', now: new Date(start + 30_500) }),
    ).toEqual({ allowed: true });
    expect(
      await checkRequestLimit({ store, fingerprint: 'fp-a', now: new Date(start + 60_001) }),
    ).toEqual({ allowed: true });
  });

  test('never asks to retry after less than one second', async () => {
    const store = createMemoryStore({ maxKeys: 10 });
    const start = 1_000_000;
    for (let i = 0; i < REQUEST_LIMIT; i++)
      await checkRequestLimit({ store, fingerprint: 'fp', now: new Date(start) });
    const denied = await checkRequestLimit({
      store,
      fingerprint: 'fp',
      now: new Date(start + 59_999),
    });
    expect(denied).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  test('applies the limit given by the admin setting instead of the default', async () => {
    const store = createMemoryStore({ maxKeys: 10 });
    const now = new Date(2_000_000);
    for (let i = 0; i < 3; i++) expect(await checkRequestLimit({ store, fingerprint: 'fp', now, limit: 3 })).toEqual({ allowed: true });
    expect((await checkRequestLimit({ store, fingerprint: 'fp', now, limit: 3 })).allowed).toBe(false);
  });
});
