/** Uniform draw in [0, 1). */
export type Rng = () => number;

const TWO_POW_32 = 4_294_967_296;
const SMALL_POISSON_MEAN = 30;
const SMALL_NB_MEAN = 12;

function hashParts(parts: readonly string[]): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** sfc32 generator for a seed and named sub-streams, each independent of draws elsewhere. */
export function createRng(seed: number, ...streams: string[]): Rng {
  let [a, b, c, d] = hashParts([String(seed), ...streams]);
  function next(): number {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  }
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Standard normal draw (Marsaglia polar method). */
export function sampleNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng() - 1;
    const v = 2 * rng() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, scale = 1) draw (Marsaglia–Tsang, boosted for shape < 1). */
export function sampleGamma(rng: Rng, shape: number): number {
  if (shape < 1) return sampleGamma(rng, shape + 1) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = sampleNormal(rng);
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 1;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

// Hörmann (1993) PTRS transformed rejection; exact for large means.
function samplePoissonLarge(rng: Rng, mean: number): number {
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
    if (lhs <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}

/** Poisson(mean) draw: inversion for small means, PTRS above 30. */
export function samplePoisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean >= SMALL_POISSON_MEAN) return samplePoissonLarge(rng, mean);
  const u = rng();
  let p = Math.exp(-mean);
  let cdf = p;
  let k = 0;
  while (u > cdf && p > 0) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Sampler of NB(mean, var = mean + dispersion·mean²); caches P(0) of the last mean. */
export type NegBinomialSampler = (mean: number) => number;

export function createNegBinomialSampler(rng: Rng, dispersion: number): NegBinomialSampler {
  const size = 1 / dispersion;
  let lastMean = -1;
  let p0 = 1;
  let q = 0;
  return function sample(mean: number): number {
    if (mean <= 0) return 0;
    if (dispersion <= 0) return samplePoisson(rng, mean);
    if (mean >= SMALL_NB_MEAN) {
      return samplePoisson(rng, sampleGamma(rng, size) * mean * dispersion);
    }
    if (mean !== lastMean) {
      lastMean = mean;
      q = (dispersion * mean) / (1 + dispersion * mean);
      p0 = Math.pow(1 - q, size);
    }
    const u = rng();
    let p = p0;
    let cdf = p;
    let k = 0;
    while (u > cdf && p > 0) {
      p *= ((k + size) / (k + 1)) * q;
      k++;
      cdf += p;
    }
    return k;
  };
}

/** One NB(mean, var = mean + dispersion·mean²) draw as a gamma–Poisson mixture. */
export function sampleNegBinomial(rng: Rng, mean: number, dispersion: number): number {
  if (mean <= 0) return 0;
  if (dispersion <= 0) return samplePoisson(rng, mean);
  const size = 1 / dispersion;
  return samplePoisson(rng, sampleGamma(rng, size) * mean * dispersion);
}

/** Picker over weighted items; weights need not sum to 1. */
export function createWeightedPicker<T>(
  entries: readonly (readonly [T, number])[],
): (rng: Rng) => T {
  const items = entries.map(([item]) => item);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  if (items.length === 0 || total <= 0) throw new Error('createWeightedPicker: empty weights');
  return function pick(rng: Rng): T {
    const target = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    const item = items[lo];
    if (item === undefined) throw new Error('createWeightedPicker: index out of range');
    return item;
  };
}
