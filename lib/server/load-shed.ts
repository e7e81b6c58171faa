import { monitorEventLoopDelay } from 'node:perf_hooks';

export type LoadSnapshot = {
  inflight: number;
  loopDelayMs: number;
  /** How long the oldest request at work has been at work, in ms. */
  oldestInflightMs: number;
};
export type LoadLimits = { maxInflight: number; maxQueueMs: number; maxLoopDelayMs: number };

export const DEFAULT_LOAD_LIMITS: Omit<LoadLimits, 'maxInflight'> = { maxQueueMs: 600, maxLoopDelayMs: 300 };
/** Below this many requests in flight we never shed: lateness is then not caused by intake. */
const MIN_INFLIGHT_TO_SHED = 32;

/**
 * Fast refusal beats slow acceptance: a new ingest request is refused at once (503 + Retry-After)
 * when too many are in flight, or when many are and the work is demonstrably late: the oldest request
 * at work has waited `maxQueueMs`, or the event loop is late. No rate estimate: a rate measured over
 * the previous second lags a burst and refused reports the server was answering in time.
 */
export function shouldShed(load: LoadSnapshot, limits: LoadLimits): boolean {
  if (load.inflight >= limits.maxInflight) return true;
  if (load.inflight < MIN_INFLIGHT_TO_SHED) return false;
  return load.loopDelayMs >= limits.maxLoopDelayMs || load.oldestInflightMs >= limits.maxQueueMs;
}

export type LoadMonitor = {
  /** Whether a request whose body has arrived should be refused now. */
  shouldShed(): boolean;
  /** Counts one request as real work until the returned function is called. */
  begin(): () => void;
  stop(): void;
};

/** The live load of this process: ingest requests at work, the oldest one's age, event-loop delay (p99, last second). */
export function createLoadMonitor(limits: LoadLimits): LoadMonitor {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let loopDelayMs = 0;
  const started = new Map<number, number>();
  let nextId = 0;
  const tick = setInterval(() => {
    loopDelayMs = loop.percentile(99) / 1e6;
    loop.reset();
  }, 1000);
  tick.unref();
  return {
    shouldShed() {
      const oldest = started.values().next().value;
      const oldestInflightMs = oldest === undefined ? 0 : performance.now() - oldest;
      return shouldShed({ inflight: started.size, loopDelayMs, oldestInflightMs }, limits);
    },
    begin() {
      // Map keeps insertion order: its first entry is the oldest request at work.
      const id = nextId++;
      started.set(id, performance.now());
      return () => void started.delete(id);
    },
    stop() {
      clearInterval(tick);
      loop.disable();
    },
  };
}
