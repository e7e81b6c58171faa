/** Replay over the last 24 hours or 7 days; the slider moves in whole steps, playback in minutes per second. */
export const REPLAY_RANGES = ['24h', '7j'] as const;
export type ReplayRange = (typeof REPLAY_RANGES)[number];

const MINUTE_MS = 60_000;
export const RANGE_MINUTES: Record<ReplayRange, number> = { '24h': 24 * 60, '7j': 7 * 24 * 60 };
export const STEP_MINUTES: Record<ReplayRange, number> = { '24h': 5, '7j': 30 };
/** Simulated minutes per real second. */
export const REPLAY_SPEEDS = [1, 5, 15, 60] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];
export const REPLAY_TICK_MS = 1000;

/** Epoch milliseconds; `end` is never after `now`. */
export type ReplayWindow = { start: number; end: number; stepMs: number };

function floorTo(t: number, unit: number): number {
  return Math.floor(t / unit) * unit;
}

/**
 * The slider's span: the last `range` up to now when `at` falls in it, otherwise `range` centred on
 * `at` (a chosen day in the past), never reaching past now.
 */
export function replayWindow(input: { at: number; range: ReplayRange; now: number }): ReplayWindow {
  const span = RANGE_MINUTES[input.range] * MINUTE_MS;
  const stepMs = STEP_MINUTES[input.range] * MINUTE_MS;
  const now = floorTo(input.now, MINUTE_MS);
  if (input.at >= now - span) return { start: now - span, end: now, stepMs };
  const start = floorTo(input.at - span / 2, stepMs);
  return { start, end: Math.min(now, start + span), stepMs };
}

/** Slider position (0..steps) of instant t, and back. */
export function stepIndex(t: number, w: ReplayWindow): number {
  return Math.round((Math.min(Math.max(t, w.start), w.end) - w.start) / w.stepMs);
}

export function stepCount(w: ReplayWindow): number {
  return Math.ceil((w.end - w.start) / w.stepMs);
}

export function instantAtStep(index: number, w: ReplayWindow): number {
  return Math.min(w.end, w.start + Math.max(0, index) * w.stepMs);
}

/** Next instant while playing (minute-aligned), and whether playback reached the end of the window. */
export function advance(t: number, speed: ReplaySpeed, w: ReplayWindow, tickMs = REPLAY_TICK_MS): { at: number; done: boolean } {
  const delta = Math.max(MINUTE_MS, floorTo((speed * MINUTE_MS * tickMs) / 1000, MINUTE_MS));
  const next = floorTo(t, MINUTE_MS) + delta;
  return next >= w.end ? { at: w.end, done: true } : { at: next, done: false };
}

/** The next `count` instants playback will show, to fetch before they are needed. */
export function prefetchInstants(t: number, speed: ReplaySpeed, w: ReplayWindow, count: number, tickMs = REPLAY_TICK_MS): number[] {
  const out: number[] = [];
  let cursor = t;
  for (let i = 0; i < count; i += 1) {
    const step = advance(cursor, speed, w, tickMs);
    if (step.at === cursor) break;
    out.push(step.at);
    cursor = step.at;
    if (step.done) break;
  }
  return out;
}

/** A small least-recently-used cache of fetched states (replay prefetch). */
export class LruCache<V> {
  private readonly items = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const value = this.items.get(key);
    if (value !== undefined) {
      this.items.delete(key);
      this.items.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.items.delete(key);
    this.items.set(key, value);
    while (this.items.size > this.capacity) {
      const oldest = this.items.keys().next().value;
      if (oldest === undefined) break;
      this.items.delete(oldest);
    }
  }
  has(key: string): boolean {
    return this.items.has(key);
  }
  get size(): number {
    return this.items.size;
  }
}
