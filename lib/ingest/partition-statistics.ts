/**
 * Fresh statistics for the partition intake writes to (lib/domain/report-partitions.ts,
 * youngPartitionNeedsAnalyze): after a stored batch, at most once per `everyMs` and never twice at once, the
 * instance checks the current month's partition and analyses it when it has doubled. Kept off the request
 * path: a batch's answer never waits for it, and a failure is only logged (autovacuum remains behind it).
 * Every instance checks; the first to analyse resets the count the others read.
 */
export function createPartitionStatisticsKeeper(opts: {
  everyMs: number;
  refresh: (now: Date) => Promise<unknown>;
  onError: (error: unknown) => void;
}): { afterBatch(now: Date): void } {
  let nextAt = Number.NEGATIVE_INFINITY;
  let running = false;
  return {
    afterBatch(now) {
      if (running || now.getTime() < nextAt) return;
      running = true;
      nextAt = now.getTime() + opts.everyMs;
      opts
        .refresh(now)
        .catch(opts.onError)
        .finally(() => {
          running = false;
        });
    },
  };
}
