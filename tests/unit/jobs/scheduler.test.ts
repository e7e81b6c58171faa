import { afterEach, describe, expect, test, vi } from 'vitest';
import { createTickScheduler } from '@/lib/jobs/scheduler';
import { nextTickAt, tickStart } from '@/lib/jobs/ticks';

afterEach(() => {
  vi.useRealTimers();
});

describe('tickStart / nextTickAt', () => {
  test.each([
    [125_000, 60_000, 0, 120_000, 180_000],
    [121_000, 60_000, 2_000, 62_000, 122_000],
    [122_000, 60_000, 2_000, 122_000, 182_000],
  ])('at %i every %i (offset %i): tick %i, next %i', (now, every, offset, start, next) => {
    expect(tickStart(now, every, offset)).toBe(start);
    expect(nextTickAt(now, every, offset)).toBe(next);
  });
});

describe('createTickScheduler', () => {
  test('runs each tick once across several workers sharing the claim', async () => {
    vi.useFakeTimers({ now: 1_000 });
    const claimed = new Set<string>();
    const claim = async (job: string, tickAt: Date) => {
      const key = `${job}@${tickAt.getTime()}`;
      if (claimed.has(key)) return false;
      claimed.add(key);
      return true;
    };
    const runs: number[] = [];
    const job = { name: 'j', everyMs: 10_000, run: async (now: Date) => void runs.push(now.getTime()) };
    const workers = [1, 2, 3].map(() => createTickScheduler({ jobs: [job], claim, onError: () => {} }));
    for (const w of workers) w.start();
    await vi.advanceTimersByTimeAsync(35_000);
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs.map((t) => Math.floor(t / 10_000))).toEqual([0, 1, 2, 3]);
  });

  test('reports a failing job and keeps its schedule', async () => {
    vi.useFakeTimers({ now: 0 });
    const errors: string[] = [];
    let calls = 0;
    const scheduler = createTickScheduler({
      jobs: [{ name: 'boom', everyMs: 1_000, run: async () => { calls += 1; throw new Error('x'); } }],
      claim: async () => true,
      onError: (name) => errors.push(name),
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(2_500);
    await scheduler.stop();
    expect(calls).toBe(3);
    expect(errors).toEqual(['boom', 'boom', 'boom']);
  });

  test('stop waits for a running job and schedules nothing after', async () => {
    vi.useFakeTimers({ now: 0 });
    let finished = false;
    let calls = 0;
    const scheduler = createTickScheduler({
      jobs: [{ name: 'slow', everyMs: 1_000, run: () => { calls += 1; return new Promise((r) => setTimeout(() => { finished = true; r(null); }, 500)); } }],
      claim: async () => true,
      onError: () => {},
    });
    scheduler.start();
    const stopping = scheduler.stop();
    await vi.advanceTimersByTimeAsync(500);
    await stopping;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(1);
  });
});
