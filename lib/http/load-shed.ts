export type LoadSnapshot = { inflight: number; loopDelayMs: number };
export type LoadLimits = { maxInflight: number; maxLoopDelayMs: number };

export const DEFAULT_MAX_LOOP_DELAY_MS = 400;

/**
 * Fast refusal beats slow acceptance: when too many requests are in flight or the event loop is
 * already late, a new ingest request gets an immediate 503 instead of queueing for seconds.
 */
export function shouldShed(load: LoadSnapshot, limits: LoadLimits): boolean {
  return load.inflight >= limits.maxInflight || load.loopDelayMs >= limits.maxLoopDelayMs;
}
