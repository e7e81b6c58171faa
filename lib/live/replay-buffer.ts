import type { LiveDelta } from '@/lib/map-state/types';

/**
 * One delta as numbered by its publisher, with the platform it concerns (null = everyone). Kept one
 * by one, not as sent (folded): a client may resume after any seq, from any instance.
 */
export type Frame = { seq: number; platformId: string | null; delta: LiveDelta };

export type ReplayBuffer = {
  push(frame: Frame): void;
  /**
   * Frames after `lastSeq`, or 'resync' when some may be missing: older than the oldest kept frame,
   * or older than the buffer itself (the hub started after the client's point).
   */
  since(lastSeq: number): Frame[] | 'resync';
  size(): number;
};

/** Ring buffer of the last `capacity` frames, in seq order; `startSeq` is the hub's first cursor. */
export function createReplayBuffer(capacity: number, startSeq: number): ReplayBuffer {
  const frames: Array<Frame | undefined> = new Array<Frame | undefined>(capacity);
  let head = 0;
  let count = 0;
  let complete = startSeq;

  const at = (i: number) => frames[(head + i) % capacity] as Frame;

  return {
    push(frame) {
      if (count === capacity) {
        complete = at(0).seq;
        frames[head] = frame;
        head = (head + 1) % capacity;
      } else {
        frames[(head + count) % capacity] = frame;
        count += 1;
      }
    },
    since(lastSeq) {
      if (lastSeq < complete) return 'resync';
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at(mid).seq > lastSeq) hi = mid;
        else lo = mid + 1;
      }
      const out: Frame[] = [];
      for (let i = lo; i < count; i += 1) out.push(at(i));
      return out;
    },
    size: () => count,
  };
}
