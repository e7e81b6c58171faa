export type SourceLimit = {
  /** Takes one slot for `source`; returns its release function, or null when refused. */
  tryAcquire(source: string): (() => void) | null;
  count(source?: string): number;
};

/**
 * Concurrent slots counted per source (an address, or an IPv6 /64), with an optional global cap of
 * which the last `reserve` slots go only to sources holding none yet: one source filling the server
 * still leaves room for newcomers.
 */
export function createSourceLimit(opts: { perSource: number; max?: number; reserve?: number }): SourceLimit {
  const held = new Map<string, number>();
  const max = opts.max ?? Number.POSITIVE_INFINITY;
  const reserve = Math.min(opts.reserve ?? 0, max);
  let total = 0;
  return {
    tryAcquire(source) {
      const mine = held.get(source) ?? 0;
      if (mine >= opts.perSource || total >= max) return null;
      if (mine > 0 && total >= max - reserve) return null;
      held.set(source, mine + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (held.get(source) ?? 1) - 1;
        if (left <= 0) held.delete(source);
        else held.set(source, left);
      };
    },
    count: (source) => (source === undefined ? total : (held.get(source) ?? 0)),
  };
}
