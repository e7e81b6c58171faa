import { monitorEventLoopDelay } from 'node:perf_hooks';

export type LoadSnapshot = {
  inflight: number;
  /** Ingest requests completed per second, recent average. */
  completedPerSecond: number;
  loopDelayMs: number;
  /** How long the oldest request at work has been waiting, in ms. */
  oldestInflightMs: number;
};
export type LoadLimits = { maxInflight: number; maxQueueMs: number; maxLoopDelayMs: number };

export const DEFAULT_LOAD_LIMITS: Omit<LoadLimits, 'maxInflight'> = { maxQueueMs: 600, maxLoopDelayMs: 300 };
/** Below this many requests in flight we never shed: the estimate is noise at low load. */
const MIN_INFLIGHT_TO_SHED = 32;

/**
 * Fast refusal beats slow acceptance: a new ingest request is refused at once (503 + Retry-After)
 * when too many are in flight, when the requests ahead of it would take longer than `maxQueueMs`
 * at the recent completion rate while requests are indeed waiting (a burst after a quiet spell has
 * no rate to judge by), or when the event loop is already late.
 */
export function shouldShed(load: LoadSnapshot, limits: LoadLimits): boolean {
  if (load.inflight >= limits.maxInflight) return true;
  if (load.inflight < MIN_INFLIGHT_TO_SHED) return false;
  if (load.loopDelayMs >= limits.maxLoopDelayMs) return true;
  if (load.oldestInflightMs < limits.maxQueueMs / 2) return false;
  const expectedWaitMs = (load.inflight / Math.max(load.completedPerSecond, 1)) * 1000;
  return expectedWaitMs > limits.maxQueueMs;
}

export type LoadMonitor = {
  /** Whether a request whose body has arrived should be refused now. */
  shouldShed(): boolean;
  /** Counts one request as real work until the returned function is called. */
  begin(): () => void;
  stop(): void;
};

/** The live load of this process: ingest requests at work, their completion rate, event-loop delay (p99, last second). */
export function createLoadMonitor(limits: LoadLimits): LoadMonitor {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let loopDelayMs = 0;
  const started = new Map<number, number>();
  let nextId = 0;
  let completed = 0;
  let completedPerSecond = 0;
  const tick = setInterval(() => {
    loopDelayMs = loop.percentile(99) / 1e6;
    loop.reset();
    completedPerSecond = completedPerSecond * 0.5 + completed * 0.5;
    completed = 0;
  }, 1000);
  tick.unref();
  return {
    shouldShed() {
      const oldest = started.values().next().value;
      const oldestInflightMs = oldest === undefined ? 0 : performance.now() - oldest;
      return shouldShed({ inflight: started.size, completedPerSecond, loopDelayMs, oldestInflightMs }, limits);
    },
    begin() {
      // Map keeps insertion order: its first entry is the oldest request at work.
      const id = nextId++;
      started.set(id, performance.now());
      return () => {
        if (started.delete(id)) completed += 1;
      };
    },
    stop() {
      clearInterval(tick);
      loop.disable();
    },
  };
}
