import { describe, test, expect } from 'vitest';
import { createMemoryStore } from '@/lib/ratelimit/memory-store';

const WINDOW = 60_000;

describe('createMemoryStore', () => {
  test('allows `limit` hits in a window, then denies with the wait until the oldest expires', async () => {
    const store = createMemoryStore({ maxKeys: 10 });
    expect(await store.hit('k', WINDOW, 3, 0)).toEqual({
      allowed: true,
      count: 1,
      retryAfterMs: 0,
    });
    expect(await store.hit('k', WINDOW, 3, 10_000)).toEqual({
      allowed: true,
      count: 2,
      retryAfterMs: 0,
    });
    expect(await store.hit('k', WINDOW, 3, 20_000)).toEqual({
      allowed: true,
      count: 3,
      retryAfterMs: 0,
    });
    expect(await store.hit('k', WINDOW, 3, 30_000)).toEqual({
      allowed: false,
      count: 3,
      retryAfterMs: 30_000,
    });
  });

  test.each([
    ['just before the oldest hit leaves', 59_999, false],
    ['when the oldest hit leaves', 60_000, true],
  ])('slides: %s', async (_name, at, allowed) => {
    const store = createMemoryStore({ maxKeys: 10 });
    await store.hit('k', WINDOW, 2, 0);
    await store.hit('k', WINDOW, 2, 30_000);
    expect((await store.hit('k', WINDOW, 2, at)).allowed).toBe(allowed);
  });

  test('does not record denied hits, so retrying clients are not punished', async () => {
    const store = createMemoryStore({ maxKeys: 10 });
    await store.hit('k', WINDOW, 1, 0);
    for (let t = 1_000; t < 60_000; t += 1_000)
      expect((await store.hit('k', WINDOW, 1, t)).allowed).toBe(false);
    expect(await store.hit('k', WINDOW, 1, 60_000)).toEqual({
      allowed: true,
      count: 1,
      retryAfterMs: 0,
    });
  });

  test('keeps keys independent', async () => {
    const store = createMemoryStore({ maxKeys: 10 });
    await store.hit('a', WINDOW, 1, 0);
    expect((await store.hit('a', WINDOW, 1, 1)).allowed).toBe(false);
    expect((await store.hit('b', WINDOW, 1, 1)).allowed).toBe(true);
  });

  test('reset forgets a key', async () => {
    const store = createMemoryStore({ maxKeys: 10 });
    await store.hit('k', WINDOW, 1, 0);
    await store.reset('k');
    expect((await store.hit('k', WINDOW, 1, 1)).allowed).toBe(true);
  });

  test('never holds more than maxKeys and evicts the least recently used key', async () => {
    const store = createMemoryStore({ maxKeys: 3 });
    await store.hit('a', WINDOW, 1, 0);
    await store.hit('b', WINDOW, 1, 0);
    await store.hit('c', WINDOW, 1, 0);
    await store.hit('a', WINDOW, 1, 1);
    await store.hit('d', WINDOW, 1, 2);
    expect(store.size()).toBe(3);
    expect((await store.hit('a', WINDOW, 1, 3)).allowed).toBe(false);
    expect((await store.hit('b', WINDOW, 1, 3)).allowed).toBe(true);
  });

  test('sweeps expired keys before evicting live ones', async () => {
    const store = createMemoryStore({ maxKeys: 2 });
    await store.hit('old', 1_000, 1, 0);
    await store.hit('live', WINDOW, 1, 0);
    await store.hit('new', WINDOW, 1, 5_000);
    expect(store.size()).toBe(2);
    expect((await store.hit('live', WINDOW, 1, 5_001)).allowed).toBe(false);
  });

  test('holds many keys within bounds', async () => {
    const store = createMemoryStore({ maxKeys: 1_000 });
    for (let i = 0; i < 10_000; i++) await store.hit(`k${i}`, WINDOW, 5, i);
    expect(store.size()).toBe(1_000);
  });

  test('rejects an invalid maxKeys', () => {
    expect(() => createMemoryStore({ maxKeys: 0 })).toThrow();
  });
});
