/**
 * Sequence numbers of the live stream: a hybrid clock, epoch milliseconds × 1000 plus a counter,
 * monotonic within a hub and close across hubs (instances see the same delta within milliseconds),
 * so a client may resume on another instance with the seq it got from any of them.
 */
export type SeqClock = {
  /** Number for a new delta: greater than every number given or promised before. */
  next(): number;
  /** Every delta numbered from now on is greater than this (resume point of a state read now). */
  cursor(): number;
};

export const SEQ_PER_MS = 1000;

export function createSeqClock(now: () => number = Date.now): SeqClock {
  let last = 0;
  return {
    next() {
      last = Math.max(last + 1, now() * SEQ_PER_MS);
      return last;
    },
    cursor() {
      last = Math.max(last, now() * SEQ_PER_MS - 1);
      return last;
    },
  };
}
