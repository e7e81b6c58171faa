/**
 * Sequence numbers of the live stream: a hybrid logical clock, epoch milliseconds × 1000 plus the
 * publishing hub's tag (0–999), stamped once by the publisher and carried on the bus. Monotonic
 * within a hub and ahead of every seq it has seen, so a client may resume on any instance with the
 * seq it got. The tag keeps two publishers from stamping the same number in the same millisecond;
 * a hub stamping faster than one delta per millisecond runs ahead of the wall clock for a while.
 */
export type SeqClock = {
  /** Number for a new delta: greater than every number given, seen or promised before. */
  next(): number;
  /** Every delta numbered from now on is greater than this (resume point of a state read now). */
  cursor(): number;
  /** A seq stamped elsewhere: later numbers from this clock are greater than it. */
  observe(seq: number): void;
};

export const SEQ_PER_MS = 1000;

/** A random publisher tag: equal tags only make simultaneous deltas resync, never double-count. */
export function randomSeqTag(random: () => number = Math.random): number {
  return Math.floor(random() * SEQ_PER_MS) % SEQ_PER_MS;
}

export function createSeqClock(now: () => number = Date.now, tag = 0): SeqClock {
  if (!Number.isInteger(tag) || tag < 0 || tag >= SEQ_PER_MS) throw new Error(`seq tag out of range: ${tag}`);
  let last = 0;
  const tagged = (floor: number) => {
    const base = floor - (floor % SEQ_PER_MS) + tag;
    return base > floor ? base : base + SEQ_PER_MS;
  };
  return {
    next() {
      last = Math.max(tagged(last), now() * SEQ_PER_MS + tag);
      return last;
    },
    cursor() {
      last = Math.max(last, now() * SEQ_PER_MS - 1);
      return last;
    },
    observe(seq) {
      last = Math.max(last, seq);
    },
  };
}
