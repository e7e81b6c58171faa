/**
 * Open-loop schedule of the surge: the rate rises linearly from 0 to `peak`/s over `rampSeconds`,
 * then stays at `peak` for `holdSeconds`. `total` requests; `dueMs(i)` is when request i leaves.
 */
export function surgeSchedule(input: { peak: number; rampSeconds: number; holdSeconds: number }): { total: number; dueMs(i: number): number } {
  const { peak, rampSeconds: ramp, holdSeconds: hold } = input;
  const rampCount = (peak * ramp) / 2;
  return {
    total: Math.round(rampCount + peak * hold),
    dueMs: (i) => (i < rampCount ? Math.sqrt((2 * ramp * i) / peak) * 1000 : (ramp + (i - rampCount) / peak) * 1000),
  };
}
