/** Counts events over the last `windowMs` in fixed memory (one bucket per `bucketMs`). */
export type RollingCounter = {
  add(now: number, amount?: number): void;
  /** Events in (now - windowMs, now], at bucket resolution. */
  total(now: number): number;
};

export function createRollingCounter(options: {
  windowMs: number;
  bucketMs: number;
}): RollingCounter {
  const size = Math.ceil(options.windowMs / options.bucketMs);
  const counts = new Array<number>(size).fill(0);
  const slots = new Array<number>(size).fill(Number.NEGATIVE_INFINITY);

  function slotOf(now: number): number {
    return Math.floor(now / options.bucketMs);
  }

  return {
    add(now, amount = 1) {
      const slot = slotOf(now);
      const index = ((slot % size) + size) % size;
      if (slots[index] !== slot) {
        slots[index] = slot;
        counts[index] = 0;
      }
      counts[index] = (counts[index] ?? 0) + amount;
    },
    total(now) {
      const current = slotOf(now);
      let sum = 0;
      for (let i = 0; i < size; i++) {
        const slot = slots[i] ?? Number.NEGATIVE_INFINITY;
        if (slot > current - size && slot <= current) sum += counts[i] ?? 0;
      }
      return sum;
    },
  };
}
