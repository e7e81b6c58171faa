/**
 * `compute` remembered per key, for hot paths that ask again and again about keys a client may choose: at most
 * `max` keys are kept, and the memo is emptied when full (a bound, not an LRU: cheap, and right whatever the keys).
 */
export function boundedMemo<V>(max: number, compute: (key: string) => V): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = compute(key);
    if (memo.size >= max) memo.clear();
    memo.set(key, value);
    return value;
  };
}
