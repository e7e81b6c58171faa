export type Batcher<T, R> = { submit(item: T): Promise<R>; size(): number };

/**
 * Groups concurrent submissions into one `run` call: flushes when `maxBatch` items wait or
 * `maxWaitMs` after the first one. `run` returns one result (or Error) per item, in order.
 */
export function createBatcher<T, R>(opts: {
  maxBatch: number;
  maxWaitMs: number;
  run: (items: T[]) => Promise<Array<R | Error>>;
}): Batcher<T, R> {
  type Pending = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = queue.splice(0, opts.maxBatch);
    if (queue.length > 0) timer = setTimeout(() => void flush(), 0);
    if (batch.length === 0) return;
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
    }
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= opts.maxBatch) void flush();
        else if (!timer) timer = setTimeout(() => void flush(), opts.maxWaitMs);
      });
    },
    size: () => queue.length,
  };
}
