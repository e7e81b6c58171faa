export type Job = { name: string; everyMs: number; run: (now: Date) => Promise<unknown> };

/** Runs periodic jobs; an instance behind a PostgreSQL- or Redis-backed lock can replace it. */
export type Scheduler = { start(): void; stop(): Promise<void>; runNow(name: string): Promise<void> };

export function createInProcessScheduler(opts: {
  jobs: Job[];
  now?: () => Date;
  onError?: (job: string, error: unknown) => void;
}): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();
  const clock = opts.now ?? (() => new Date());

  function runJob(job: Job): Promise<void> {
    const current = running.get(job.name);
    if (current) return current;
    const promise = job
      .run(clock())
      .then(() => undefined)
      .catch((error: unknown) => opts.onError?.(job.name, error))
      .finally(() => running.delete(job.name));
    running.set(job.name, promise);
    return promise;
  }

  return {
    start() {
      for (const job of opts.jobs) {
        const timer = setInterval(() => void runJob(job), job.everyMs);
        timer.unref();
        timers.push(timer);
      }
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.all(running.values());
    },
    async runNow(name) {
      const job = opts.jobs.find((j) => j.name === name);
      if (!job) throw new Error(`unknown job ${name}`);
      await runJob(job);
    },
  };
}
