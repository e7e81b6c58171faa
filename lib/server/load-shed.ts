import { monitorEventLoopDelay } from 'node:perf_hooks';

export type LoadSnapshot = {
  inflight: number;
  /** Ingest requests completed per second, recent average. */
  completedPerSecond: number;
  loopDelayMs: number;
};
export type LoadLimits = { maxInflight: number; maxQueueMs: number; maxLoopDelayMs: number };

export const DEFAULT_LOAD_LIMITS: Omit<LoadLimits, 'maxInflight'> = { maxQueueMs: 600, maxLoopDelayMs: 300 };
/** Below this many requests in flight we never shed: the estimate is noise at low load. */
const MIN_INFLIGHT_TO_SHED = 32;

/**
 * Fast refusal beats slow acceptance: a new ingest request is refused at once (503 + Retry-After)
 * when too many are in flight, when the requests ahead of it would take longer than `maxQueueMs`
 * at the recent completion rate, or when the event loop is already late.
 */
export function shouldShed(load: LoadSnapshot, limits: LoadLimits): boolean {
  if (load.inflight >= limits.maxInflight) return true;
  if (load.inflight < MIN_INFLIGHT_TO_SHED) return false;
  if (load.loopDelayMs >= limits.maxLoopDelayMs) return true;
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
  let inflight = 0;
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
    shouldShed: () => shouldShed({ inflight, completedPerSecond, loopDelayMs }, limits),
    begin() {
      inflight += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        inflight -= 1;
        completed += 1;
      };
    },
    stop() {
      clearInterval(tick);
      loop.disable();
    },
  };
}
