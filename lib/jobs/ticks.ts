/** A job of the worker: runs once per tick (`everyMs`, aligned on the epoch plus `offsetMs`), cluster-wide. */
export type TickJob = { name: string; everyMs: number; offsetMs?: number; run: (now: Date) => Promise<unknown> };

/** Start of the tick that contains `now` (epoch-aligned, ms). */
export function tickStart(now: number, everyMs: number, offsetMs = 0): number {
  return Math.floor((now - offsetMs) / everyMs) * everyMs + offsetMs;
}

/** Start of the next tick strictly after `now` (ms). */
export function nextTickAt(now: number, everyMs: number, offsetMs = 0): number {
  return tickStart(now, everyMs, offsetMs) + everyMs;
}
