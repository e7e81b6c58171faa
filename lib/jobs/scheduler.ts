import { nextTickAt, tickStart, type TickJob } from './ticks';

export type TickScheduler = { start(): void; stop(): Promise<void> };

/**
 * Runs each job at every tick it manages to `claim` (a lease shared by every instance), so a
 * tick runs once across the cluster however many workers are up. Errors are reported, never thrown.
 */
export function createTickScheduler(opts: {
  jobs: TickJob[];
  claim: (job: string, tickAt: Date) => Promise<boolean>;
  onError: (job: string, error: unknown) => void;
  onRun?: (job: string, tickAt: Date) => void;
  now?: () => number;
}): TickScheduler {
  const clock = opts.now ?? Date.now;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  async function attempt(job: TickJob): Promise<void> {
    const tickAt = new Date(tickStart(clock(), job.everyMs, job.offsetMs));
    try {
      if (!(await opts.claim(job.name, tickAt))) return;
      opts.onRun?.(job.name, tickAt);
      await job.run(new Date(clock()));
    } catch (error) {
      opts.onError(job.name, error);
    }
  }

  function schedule(job: TickJob): void {
    if (stopped) return;
    const delay = Math.max(0, nextTickAt(clock(), job.everyMs, job.offsetMs) - clock());
    timers.set(
      job.name,
      setTimeout(() => {
        const run = attempt(job).finally(() => running.delete(run));
        running.add(run);
        void run.then(() => schedule(job));
      }, delay),
    );
  }

  return {
    start() {
      for (const job of opts.jobs) {
        const run = attempt(job).finally(() => running.delete(run));
        running.add(run);
        void run.then(() => schedule(job));
      }
    },
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
