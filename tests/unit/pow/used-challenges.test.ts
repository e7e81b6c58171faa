import { describe, test, expect } from 'vitest';
import { createMemoryUsedChallengeStore } from '@/lib/pow/used-challenges';

describe('createMemoryUsedChallengeStore', () => {
  test('claims an id once while it is unexpired', async () => {
    const store = createMemoryUsedChallengeStore({ maxEntries: 10 });
    expect(await store.claim('n1', 60_000, 0)).toBe(true);
    expect(await store.claim('n1', 60_000, 59_999)).toBe(false);
    expect(await store.claim('n2', 60_000, 1)).toBe(true);
  });

  test('drops expired ids', async () => {
    const store = createMemoryUsedChallengeStore({ maxEntries: 10 });
    await store.claim('n1', 1_000, 0);
    await store.claim('n2', 100_000, 0);
    await store.claim('n3', 100_000, 20_000);
    expect(store.size()).toBe(2);
  });

  test('stays within maxEntries by evicting the oldest claim', async () => {
    const store = createMemoryUsedChallengeStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) await store.claim(id, 100_000, 0);
    expect(store.size()).toBe(3);
    expect(await store.claim('d', 100_000, 1)).toBe(false);
    expect(await store.claim('a', 100_000, 1)).toBe(true);
  });
});
