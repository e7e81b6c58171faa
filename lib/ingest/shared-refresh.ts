/**
 * A value read from IO and kept `ttlMs` (ms): concurrent callers share one read, and past the TTL the
 * previous value is served while one refresh runs. A burst on a cold or expired cache then costs one
 * read, not one per request (on the single embedded connection those queued past the intake deadline).
 */
export function createSharedRefresh<T>(opts: { ttlMs: number; load: (now: Date) => Promise<T> }): (now: Date) => Promise<T> {
  let entry: { value: T; at: number } | null = null;
  let loading: Promise<T> | null = null;
  const refresh = (now: Date): Promise<T> => {
    loading ??= opts
      .load(now)
      .then((value) => {
        entry = { value, at: now.getTime() };
        return value;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };
  return (now) => {
    if (entry && now.getTime() - entry.at < opts.ttlMs) return Promise.resolve(entry.value);
    const pending = refresh(now);
    if (!entry) return pending;
    pending.catch(() => {});
    return Promise.resolve(entry.value);
  };
}
