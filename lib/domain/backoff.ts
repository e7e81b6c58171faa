/** Exponential delay (ms) after `failures` failed attempts, capped at `maxMs`, with equal jitter. */
export function backoffDelayMs(
  failures: number,
  opts: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(16, Math.max(0, failures)));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(1, Math.max(0, random())));
}
