import { describe, expect, test } from 'vitest';
import { createBatcher } from '@/lib/ingest/batcher';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createBatcher', () => {
  test('groups concurrent submissions and answers each with its own result', async () => {
    const calls: number[][] = [];
    const batcher = createBatcher<number, number>({
      maxBatch: 10,
      run: async (items) => {
        calls.push(items);
        return items.map((i) => i * 2);
      },
    });
    const results = await Promise.all([1, 2, 3].map((i) => batcher.submit(i)));
    expect(results).toEqual([2, 4, 6]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  test('caps batches at maxBatch and never runs more than maxWriters writes at once', async () => {
    let running = 0;
    let maxRunning = 0;
    const sizes: number[] = [];
    const batcher = createBatcher<number, number>({
      maxBatch: 5,
      maxWriters: 2,
      run: async (items) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        sizes.push(items.length);
        await tick(10);
        running -= 1;
        return items;
      },
    });
    const results = await Promise.all(Array.from({ length: 37 }, (_, i) => batcher.submit(i)));
    expect(results).toEqual(Array.from({ length: 37 }, (_, i) => i));
    expect(maxRunning).toBeLessThanOrEqual(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(37);
  });

  test('rejects every item of a failed batch, and per-item errors only their item', async () => {
    const failing = createBatcher<number, number>({ maxBatch: 10, run: async () => Promise.reject(new Error('db down')) });
    await expect(Promise.all([failing.submit(1), failing.submit(2)])).rejects.toThrow('db down');
    const partial = createBatcher<number, number>({
      maxBatch: 10,
      run: async (items) => items.map((i) => (i === 2 ? new Error('bad') : i)),
    });
    const settled = await Promise.allSettled([1, 2, 3].map((i) => partial.submit(i)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
