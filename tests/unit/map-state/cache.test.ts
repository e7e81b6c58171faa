import { describe, expect, test } from 'vitest';
import { createMemoryMapStateCache } from '@/lib/map-state/cache';

const policy = { ttlMs: 1000, staleMs: 2000 };

function setup(maxEntries?: number) {
  let t = 0;
  const cache = createMemoryMapStateCache<string>({ now: () => t, maxEntries });
  let loads = 0;
  const loader = (value: string) => async () => {
    loads += 1;
    return `${value}#${loads}`;
  };
  return { cache, loader, advance: (ms: number) => (t += ms), loads: () => loads };
}

describe('createMemoryMapStateCache', () => {
  test('serves a fresh entry without loading again', async () => {
    const { cache, loader, advance, loads } = setup();
    expect(await cache.get('k', policy, loader('a'))).toBe('a#1');
    advance(999);
    expect(await cache.get('k', policy, loader('a'))).toBe('a#1');
    expect(loads()).toBe(1);
  });

  test('concurrent misses share one load', async () => {
    const { cache, loader, loads } = setup();
    const values = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', policy, loader('a'))));
    expect(new Set(values)).toEqual(new Set(['a#1']));
    expect(loads()).toBe(1);
  });

  test('a stale entry is served at once while one background load refreshes it', async () => {
    const { cache, loader, advance } = setup();
    await cache.get('k', policy, loader('a'));
    advance(1500);
    let release: (v: string) => void = () => {};
    let refreshes = 0;
    const slowLoader = () => {
      refreshes += 1;
      return new Promise<string>((r) => (release = r));
    };
    expect(await cache.get('k', policy, slowLoader)).toBe('a#1');
    expect(await cache.get('k', policy, slowLoader)).toBe('a#1');
    expect(refreshes).toBe(1);
    release('b');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', policy, slowLoader)).toBe('b');
  });

  test('past the stale window, a slow load still running keeps the old entry served (up to 30 s)', async () => {
    const { cache, loader, advance } = setup();
    await cache.get('k', policy, loader('a'));
    advance(1500);
    let release: (v: string) => void = () => {};
    const slow = () => new Promise<string>((r) => (release = r));
    expect(await cache.get('k', policy, slow)).toBe('a#1');
    advance(5000);
    expect(await cache.get('k', policy, slow)).toBe('a#1');
    advance(30_000);
    const waiting = cache.get('k', policy, slow);
    release('b');
    expect(await waiting).toBe('b');
  });

  test('past the stale window the caller waits for a new load', async () => {
    const { cache, loader, advance } = setup();
    await cache.get('k', policy, loader('a'));
    advance(3001);
    expect(await cache.get('k', policy, loader('a'))).toBe('a#2');
  });

  test('invalidate drops entries and does not store loads that started before it', async () => {
    const { cache, loader, loads } = setup();
    await cache.get('k', policy, loader('a'));
    let release: (v: string) => void = () => {};
    const slow = cache.get('slow', policy, () => new Promise<string>((r) => (release = r)));
    cache.invalidate();
    release('old');
    expect(await slow).toBe('old');
    expect(cache.size()).toBe(0);
    expect(await cache.get('k', policy, loader('a'))).toBe('a#2');
    expect(loads()).toBe(2);
  });

  test('a failed load is not cached and the next call retries', async () => {
    const { cache, loader } = setup();
    await expect(cache.get('k', policy, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', policy, loader('a'))).toBe('a#1');
  });

  test('a slow load keeps its value fresh longer (4 × its duration, at most 3 × ttl)', async () => {
    const { cache, advance } = setup();
    const slowly = (ms: number, value: string) => async () => {
      advance(ms);
      return value;
    };
    await cache.get('a', policy, slowly(500, 'a1'));
    advance(1999);
    expect(await cache.get('a', policy, slowly(0, 'a2'))).toBe('a1');
    await cache.get('b', policy, slowly(2000, 'b1'));
    advance(3001);
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('b', policy, slowly(0, 'b2'))).toBe('b1');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('b', policy, slowly(0, 'b3'))).toBe('b2');
  });

  test('keeps at most maxEntries, dropping the oldest', async () => {
    const { cache, loader } = setup(2);
    await cache.get('a', policy, loader('a'));
    await cache.get('b', policy, loader('b'));
    await cache.get('c', policy, loader('c'));
    expect(cache.size()).toBe(2);
    expect(await cache.get('a', policy, loader('a'))).toBe('a#4');
  });
});
