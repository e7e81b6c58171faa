import { getDayType, localMinuteOfDay } from '@/lib/calendar/day-type';

/** Deterministic uniform [0, 1) generator (mulberry32). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

export function samplePoisson(rng: () => number, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rng();
  while (u > cdf && k < 1000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Gamma(shape, 1) for shape ≥ 1 (Marsaglia–Tsang); enough for NB test data. */
function sampleGamma(rng: () => number, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const u1 = rng() || 1e-12;
    const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng());
    const v = (1 + c * normal) ** 3;
    if (v > 0 && Math.log(rng() || 1e-12) < 0.5 * normal * normal + d - d * v + d * Math.log(v))
      return d * v;
  }
}

export function sampleNegBinomial(rng: () => number, mean: number, dispersion: number): number {
  if (dispersion <= 0) return samplePoisson(rng, mean);
  const shape = 1 / dispersion;
  return samplePoisson(rng, sampleGamma(rng, shape) * mean * dispersion);
}

/** Rate per minute following the scenario doc's shape (school days peak at 07:30–08:30). */
export function schoolShapeRate(t: number, academyId: string, peak: number): number {
  const dayType = getDayType(t, academyId);
  const minute = localMinuteOfDay(t, academyId);
  const hour = minute / 60;
  if (dayType === 'school' || dayType === 'wednesday') {
    if (hour < 6.5) return 0.02 * peak;
    if (hour < 7.5) return 0.3 * peak;
    if (hour < 8.5) return peak;
    if (dayType === 'wednesday' && hour >= 12 && hour < 17) return 0.25 * peak;
    if (hour < 21) return 0.5 * peak;
    return 0.2 * peak;
  }
  return hour >= 8 && hour < 21 ? 0.15 * peak : 0.02 * peak;
}

/** Per-minute counts from a rate function (epoch ms → reporters per minute). */
export function synthesize({
  t0,
  minutes,
  rate,
  seed,
  dispersion = 0,
}: {
  t0: number;
  minutes: number;
  rate: (t: number) => number;
  seed: number;
  dispersion?: number;
}): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: minutes }, (_, i) =>
    sampleNegBinomial(rng, rate(t0 + i * 60_000), dispersion),
  );
}
