import { afterEach, describe, expect, test, vi } from 'vitest';
import { createInProcessScheduler } from '@/lib/jobs/scheduler';

afterEach(() => {
  vi.useRealTimers();
});

describe('createInProcessScheduler', () => {
  test('runs each job at its interval with the current time', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-05T08:00:00Z') });
    const seen: string[] = [];
    const scheduler = createInProcessScheduler({
      jobs: [{ name: 'a', everyMs: 60_000, run: async (now) => seen.push(now.toISOString()) }],
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(seen).toEqual(['2026-01-05T08:01:00.000Z', '2026-01-05T08:02:00.000Z', '2026-01-05T08:03:00.000Z']);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(seen).toHaveLength(3);
  });

  test('never runs the same job twice at once and reports failures', async () => {
    let active = 0;
    let maxActive = 0;
    const errors: string[] = [];
    let release: () => void = () => {};
    const scheduler = createInProcessScheduler({
      jobs: [
        {
          name: 'slow',
          everyMs: 1000,
          run: () =>
            new Promise<void>((resolve) => {
              active += 1;
              maxActive = Math.max(maxActive, active);
              release = () => {
                active -= 1;
                resolve();
              };
            }),
        },
        { name: 'broken', everyMs: 1000, run: async () => Promise.reject(new Error('boom')) },
      ],
      onError: (job) => errors.push(job),
    });
    const first = scheduler.runNow('slow');
    const second = scheduler.runNow('slow');
    release();
    await Promise.all([first, second]);
    expect(maxActive).toBe(1);
    await scheduler.runNow('broken');
    expect(errors).toEqual(['broken']);
  });
});
