import { describe, expect, test } from 'vitest';
import { createPartitionStatisticsKeeper } from '@/lib/ingest/partition-statistics';

const at = (ms: number) => new Date(1_800_000_000_000 + ms);

describe('createPartitionStatisticsKeeper', () => {
  test('checks after the first batch, then at most once per interval', () => {
    const runs: number[] = [];
    const keeper = createPartitionStatisticsKeeper({ everyMs: 5_000, refresh: async (now) => void runs.push(now.getTime()), onError: () => {} });
    for (const ms of [0, 100, 4_999]) keeper.afterBatch(at(ms));
    expect(runs).toEqual([at(0).getTime()]);
  });

  test('never runs twice at once, and runs again once the last check ended and the interval passed', async () => {
    let release: () => void = () => {};
    let runs = 0;
    const keeper = createPartitionStatisticsKeeper({
      everyMs: 1_000,
      refresh: () => {
        runs += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
      onError: () => {},
    });
    keeper.afterBatch(at(0));
    keeper.afterBatch(at(5_000));
    expect(runs).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    keeper.afterBatch(at(5_000));
    expect(runs).toBe(2);
  });

  test('a failed check is reported, not thrown into the batch', async () => {
    const errors: unknown[] = [];
    const keeper = createPartitionStatisticsKeeper({ everyMs: 1_000, refresh: () => Promise.reject(new Error('base indisponible')), onError: (e) => errors.push(e) });
    expect(() => keeper.afterBatch(at(0))).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
  });
});
