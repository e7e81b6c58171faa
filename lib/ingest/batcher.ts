export type Batcher<T, R> = { submit(item: T): Promise<R>; size(): number };

/**
 * Groups concurrent submissions into one `run` call: flushes when `maxBatch` items wait or
 * `maxWaitMs` after the first one, with at most `maxConcurrent` runs at once (while they run,
 * the queue grows into bigger batches). `run` returns one result (or Error) per item, in order.
 */
export function createBatcher<T, R>(opts: {
  maxBatch: number;
  maxWaitMs: number;
  maxConcurrent?: number;
  run: (items: T[]) => Promise<Array<R | Error>>;
}): Batcher<T, R> {
  type Pending = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  const maxConcurrent = opts.maxConcurrent ?? 4;
  const queue: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running = 0;

  function schedule(): void {
    if (queue.length === 0 || running >= maxConcurrent) return;
    if (queue.length >= opts.maxBatch) {
      void flush();
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        void flush();
      }, opts.maxWaitMs);
    }
  }

  async function flush(): Promise<void> {
    if (running >= maxConcurrent) return;
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = queue.splice(0, opts.maxBatch);
    if (batch.length === 0) return;
    running += 1;
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
      running -= 1;
      if (queue.length > 0) {
        if (running < maxConcurrent && queue.length >= opts.maxBatch) void flush();
        else schedule();
      }
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
  };
}
