export type Batcher<T, R> = {
  submit(item: T): Promise<R>;
  /** Items waiting for a write slot. */
  size(): number;
  /** Writes in flight. */
  writing(): number;
};

type Defer = (fn: () => void) => void;

const nextTurn: Defer = (fn) => void setImmediate(fn);

/**
 * Group commit: a submission is written at once (at the end of the current event-loop turn, so
 * submissions of the same turn share the write) when a write slot is free; while `maxWriters`
 * writes are in flight, arrivals queue and the next free slot takes them all (up to `maxBatch`).
 * Low load answers at the floor's latency; high load grows batches instead of queueing writes.
 * `run` returns one result (or Error) per item, in order.
 */
export function createBatcher<T, R>(opts: {
  maxBatch: number;
  maxWriters?: number;
  run: (items: T[]) => Promise<Array<R | Error>>;
  defer?: Defer;
}): Batcher<T, R> {
  type Pending = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  const maxWriters = opts.maxWriters ?? 1;
  const defer = opts.defer ?? nextTurn;
  const queue: Pending[] = [];
  let writing = 0;
  let scheduled = false;

  function schedule(): void {
    if (scheduled || queue.length === 0 || writing >= maxWriters) return;
    scheduled = true;
    defer(() => {
      scheduled = false;
      while (queue.length > 0 && writing < maxWriters) void write(queue.splice(0, opts.maxBatch));
    });
  }

  async function write(batch: Pending[]): Promise<void> {
    writing += 1;
    try {
      const results = await opts.run(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        const result = results[i];
        if (result instanceof Error) p.reject(result);
        else if (result === undefined) p.reject(new Error('batch returned no result'));
        else p.resolve(result);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      writing -= 1;
      schedule();
    }
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    size: () => queue.length,
    writing: () => writing,
  };
}
