import { monitorEventLoopDelay } from 'node:perf_hooks';

export type LoadSnapshot = {
  inflight: number;
  loopDelayMs: number;
  /** How long the oldest request at work has been at work, in ms. */
  oldestInflightMs: number;
  /**
   * Requests finished per second of busy time (some request at work) over the last second: the rate
   * this process serves at when it has work. Null until enough busy time was seen to tell.
   */
  serviceRate: number | null;
};
export type LoadLimits = {
  maxInflight: number;
  /** Expected wait of a new request past which it is refused at once (ms): the queue-delay budget. */
  maxWaitMs: number;
  /** Backstop: the oldest request at work has been at work this long (ms). */
  maxQueueMs: number;
  maxLoopDelayMs: number;
};

/**
 * A report accepted within 300 ms at the client (p99) leaves about 150 ms of expected wait in the app
 * once the proxy, the event loop's jitter and its own batch write are counted.
 */
export const DEFAULT_LOAD_LIMITS: Omit<LoadLimits, 'maxInflight'> = { maxWaitMs: 150, maxQueueMs: 600, maxLoopDelayMs: 300 };
/**
 * A refused request is answered after this pause (a timer, no work), the wait the admission promises the requests
 * it lets in. Without it, clients that send again at once (not honouring Retry-After) turn refusals into a busy
 * loop: each costs the server and the clients' side CPU, the batches that were let in get less of it, the service
 * rate falls and more is refused. Measured (bench:ingest's closed loop, 256 clients, one instance): see
 * docs/ingest-performance.md, « Refusals that feed themselves ».
 */
export const REFUSAL_PAUSE_MS = DEFAULT_LOAD_LIMITS.maxWaitMs;
/** Below this many requests in flight we never shed: lateness is then not caused by intake. */
export const MIN_INFLIGHT_TO_SHED = 8;

/**
 * The wait a request arriving now can expect before its answer (ms): the event loop's recent delay,
 * then the requests ahead of it and itself at the rate this process serves them (Little's law).
 */
export function expectedWaitMs(load: LoadSnapshot): number {
  if (load.serviceRate === null) return load.loopDelayMs;
  return load.loopDelayMs + ((load.inflight + 1) * 1000) / Math.max(load.serviceRate, 1);
}

/**
 * Fast refusal beats slow acceptance: queue-delay admission. A new ingest request is refused at once
 * (503 + Retry-After) when the wait it can expect exceeds the budget while a queue really stands (the
 * oldest request at work has waited a third of the budget), rather than accepted late. The rate is
 * measured per second of busy time, so a burst after a quiet spell is not judged on an idle second.
 * Backstops: the hard cap, a late event loop, an oldest request waiting `maxQueueMs`.
 */
export function shouldShed(load: LoadSnapshot, limits: LoadLimits): boolean {
  if (load.inflight >= limits.maxInflight) return true;
  if (load.inflight < MIN_INFLIGHT_TO_SHED) return false;
  if (load.loopDelayMs >= limits.maxLoopDelayMs || load.oldestInflightMs >= limits.maxQueueMs) return true;
  return load.oldestInflightMs >= limits.maxWaitMs / 3 && expectedWaitMs(load) > limits.maxWaitMs;
}

export type LoadMonitor = {
  /** Whether a request whose body has arrived should be refused now. */
  shouldShed(): boolean;
  /** Counts one request as real work until the returned function is called. */
  begin(): () => void;
  /** Event-loop delay of this process, p99 over the last second (ms). */
  loopDelayMs(): number;
  stop(): void;
};

const BUCKETS = 4;
const BUCKET_MS = 250;
/** Busy time needed before the service rate is trusted (ms). */
const MIN_BUSY_MS = 50;

/**
 * The live load of this process: ingest requests at work, the oldest one's age, how many finished per
 * second of busy time over the last second (four 250 ms buckets), event-loop delay (p99, last second).
 */
export function createLoadMonitor(limits: LoadLimits, opts: { now?: () => number } = {}): LoadMonitor {
  const now = opts.now ?? (() => performance.now());
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let loopDelayMs = 0;
  const started = new Map<number, number>();
  let nextId = 0;
  const completed = new Array<number>(BUCKETS).fill(0);
  const busy = new Array<number>(BUCKETS).fill(0);
  let bucketAt = Math.floor(now() / BUCKET_MS);
  let lastEvent = now();
  // Advances the buckets to `t`, adding the time since the last event to busy time if work was in flight.
  const advance = (t: number) => {
    const working = started.size > 0;
    const bucket = Math.floor(t / BUCKET_MS);
    let from = lastEvent;
    if (bucket - bucketAt > BUCKETS) {
      // A long gap: only its last second matters.
      bucketAt = bucket - BUCKETS;
      from = Math.max(from, bucketAt * BUCKET_MS);
      completed.fill(0);
      busy.fill(0);
    }
    while (bucketAt < bucket) {
      const end = (bucketAt + 1) * BUCKET_MS;
      if (working) busy[bucketAt % BUCKETS] = (busy[bucketAt % BUCKETS] ?? 0) + Math.max(0, end - from);
      from = Math.max(from, end);
      bucketAt += 1;
      completed[bucketAt % BUCKETS] = 0;
      busy[bucketAt % BUCKETS] = 0;
    }
    if (working) busy[bucketAt % BUCKETS] = (busy[bucketAt % BUCKETS] ?? 0) + Math.max(0, t - from);
    lastEvent = t;
  };
  const tick = setInterval(() => {
    loopDelayMs = loop.percentile(99) / 1e6;
    loop.reset();
  }, 1000);
  tick.unref();
  return {
    shouldShed() {
      const t = now();
      advance(t);
      const oldest = started.values().next().value;
      const busyMs = busy.reduce((a, b) => a + b, 0);
      const done = completed.reduce((a, b) => a + b, 0);
      const serviceRate = busyMs >= MIN_BUSY_MS && done > 0 ? (done * 1000) / busyMs : null;
      return shouldShed({ inflight: started.size, loopDelayMs, oldestInflightMs: oldest === undefined ? 0 : t - oldest, serviceRate }, limits);
    },
    begin() {
      advance(now());
      // Map keeps insertion order: its first entry is the oldest request at work.
      const id = nextId++;
      started.set(id, now());
      return () => {
        if (!started.has(id)) return;
        advance(now());
        started.delete(id);
        completed[bucketAt % BUCKETS] = (completed[bucketAt % BUCKETS] ?? 0) + 1;
      };
    },
    loopDelayMs: () => loopDelayMs,
    stop() {
      clearInterval(tick);
      loop.disable();
    },
  };
}
