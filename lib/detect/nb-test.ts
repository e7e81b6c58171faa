import type { Expectation } from './types';
import { logIncompleteBeta, logIncompleteGammaLower } from './special-functions';

// Below this dispersion the negative binomial is numerically a Poisson (r = 1/dispersion > 1e9).
const POISSON_DISPERSION = 1e-9;
const LN10 = Math.log(10);

/**
 * Natural log of P(X >= k) for X ~ NB(mean, dispersion), var = mean + dispersion * mean².
 * Uses P(X >= k) = I_{mean/(r+mean)}(k, r) with r = 1/dispersion, and the Poisson tail P(k, mean)
 * when dispersion is ~0.
 */
export function logUpperTail(k: number, expected: Expectation): number {
  const count = Math.ceil(k);
  if (count <= 0) return 0;
  const mean = expected.mean;
  if (!(mean > 0)) return -Infinity;
  if (expected.dispersion < POISSON_DISPERSION) return logIncompleteGammaLower(count, mean);
  const r = 1 / expected.dispersion;
  return logIncompleteBeta(mean / (r + mean), count, r);
}

/** P(X >= k) under NB(mean, dispersion); may underflow to 0, use logUpperTail for scores. */
export function upperTail(k: number, expected: Expectation): number {
  return Math.exp(logUpperTail(k, expected));
}

/** Surprise score -log10 P(X >= k): 0 when unsurprising, about 6 for a one-in-a-million count. */
export function surpriseScore(k: number, expected: Expectation): number {
  if (k <= expected.mean) return 0;
  const score = -logUpperTail(k, expected) / LN10;
  return Number.isFinite(score) ? Math.max(0, score) : Number.MAX_VALUE;
}
