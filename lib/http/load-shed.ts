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
