import { DAY_TYPES, type DayType } from '@/lib/calendar/day-type';
import type { CellTotals } from './baseline-robust';
import {
  FACTOR_MAX_HALF_WIDTH,
  FALLBACK_RATE_PER_MINUTE,
  FALLBACK_UNCERTAINTY,
  FACTOR_MIN_EXPECTED,
  MAX_PRIOR_VARIANCE,
  MIN_PRIOR_VARIANCE,
  MISSING_DAY_TYPE_UNCERTAINTY,
  SHAPE_MAX_HALF_WIDTH,
  SHAPE_MIN_COUNTS,
} from './thresholds';

/** Rate per minute of each cell and the relative variance of that estimate. */
export type CellRates = { rates: Float64Array; uncertainty: Float64Array };

// Day types with the closest traffic shape, in order: they lend reports to one short of them.
const FALLBACK_DAY_TYPES: Record<DayType, readonly DayType[]> = {
  school: ['wednesday'],
  wednesday: ['school'],
  saturday: ['school_holiday', 'sunday'],
  sunday: ['public_holiday', 'saturday', 'school_holiday'],
  public_holiday: ['sunday', 'saturday', 'school_holiday'],
  school_holiday: ['saturday', 'sunday'],
};

type WindowSums = { counts: number; minutes: number; weighted: number };

function windowSums(
  totals: CellTotals,
  base: number,
  slots: number,
  slot: number,
  halfWidth: number,
  prior?: ArrayLike<number>,
): WindowSums {
  const sums = { counts: 0, minutes: 0, weighted: 0 };
  for (let j = -halfWidth; j <= halfWidth; j++) {
    const cell = base + ((((slot + j) % slots) + slots) % slots);
    const minutes = totals.minutes[cell] ?? 0;
    sums.counts += totals.counts[cell] ?? 0;
    sums.minutes += minutes;
    sums.weighted += minutes * (prior?.[cell] ?? 0);
  }
  return sums;
}

function pooledSums(totals: CellTotals, d: number, slots: number, s: number): WindowSums {
  let sums = windowSums(totals, d * slots, slots, s, 0);
  for (let w = 1; w <= SHAPE_MAX_HALF_WIDTH && sums.counts < SHAPE_MIN_COUNTS; w++) {
    sums = windowSums(totals, d * slots, slots, s, w);
  }
  return sums;
}

type CellRate = { rate: number; uncertainty: number };

// Own pooled reports, topped up to SHAPE_MIN_COUNTS from a donor day type; with neither, no
// information: the generous no-history rate.
function cellRate(own: WindowSums, donor: WindowSums | undefined, overallRate: number): CellRate {
  if (own.counts < SHAPE_MIN_COUNTS && donor && donor.minutes > 0) {
    const borrowed = SHAPE_MIN_COUNTS - own.counts;
    const counts = own.counts + borrowed;
    const minutes = own.minutes + (borrowed * donor.minutes) / donor.counts;
    const borrowedShare = MISSING_DAY_TYPE_UNCERTAINTY * (borrowed / counts);
    return { rate: counts / minutes, uncertainty: 1 / (counts + 1) + borrowedShare };
  }
  if (own.minutes > 0) return { rate: own.counts / own.minutes, uncertainty: 1 / (own.counts + 1) };
  return {
    rate: Math.max(overallRate, FALLBACK_RATE_PER_MINUTE),
    uncertainty: FALLBACK_UNCERTAINTY,
  };
}

/**
 * Rates from the series alone: each slot pools its neighbours (same day type) until it holds
 * SHAPE_MIN_COUNTS reports or SHAPE_MAX_HALF_WIDTH slots each side; a slot still short of reports
 * borrows the missing ones from the closest day type that has enough (gamma prior at its rate).
 */
export function adaptiveRates(totals: CellTotals, slots: number): CellRates {
  const sums = Array.from({ length: totals.counts.length }, (_, cell) =>
    pooledSums(totals, Math.floor(cell / slots), slots, cell % slots),
  );
  const all = totals.minutes.reduce((sum, minutes) => sum + minutes, 0);
  const overallRate = all > 0 ? totals.counts.reduce((sum, count) => sum + count, 0) / all : 0;
  const rates = new Float64Array(totals.counts.length);
  const uncertainty = new Float64Array(totals.counts.length);
  DAY_TYPES.forEach((dayType, d) => {
    for (let s = 0; s < slots; s++) {
      const own = sums[d * slots + s] ?? { counts: 0, minutes: 0, weighted: 0 };
      const donor = FALLBACK_DAY_TYPES[dayType]
        .map((other) => sums[DAY_TYPES.indexOf(other) * slots + s])
        .find((other) => other !== undefined && other.counts >= SHAPE_MIN_COUNTS);
      const cell = cellRate(own, donor, overallRate);
      rates[d * slots + s] = cell.rate;
      uncertainty[d * slots + s] = cell.uncertainty;
    }
  });
  return { rates, uncertainty };
}

/** Share of the series in the prior model's volume over the same cells (ratio of totals). */
export function estimateShare(totals: CellTotals, priorRates: ArrayLike<number>): number {
  let observed = 0;
  let expected = 0;
  totals.counts.forEach((count, cell) => {
    observed += count;
    expected += (totals.minutes[cell] ?? 0) * (priorRates[cell] ?? 0);
  });
  return expected > 0 ? observed / expected : 0;
}

/** Method-of-moments relative variance of the true cell rates around the prior (gamma prior). */
export function estimatePriorVariance(totals: CellTotals, prior: ArrayLike<number>): number {
  let excess = 0;
  let squared = 0;
  totals.counts.forEach((count, cell) => {
    const expected = (totals.minutes[cell] ?? 0) * (prior[cell] ?? 0);
    if (expected <= 0) return;
    excess += (count - expected) ** 2 - expected;
    squared += expected * expected;
  });
  const variance = squared > 0 ? excess / squared : MAX_PRIOR_VARIANCE;
  return Math.min(MAX_PRIOR_VARIANCE, Math.max(MIN_PRIOR_VARIANCE, variance));
}

/**
 * Empirical-Bayes rates around a prior (e.g. platform shape × share): each cell's prior is scaled
 * by a local factor (observed / expected over neighbouring slots, widened until FACTOR_MIN_EXPECTED
 * reports are expected), shrunk toward 1 by a gamma prior worth 1/variance reports.
 */
export function shrinkTowardPrior(
  totals: CellTotals,
  prior: CellRates,
  slots: number,
  variance: number,
): CellRates {
  const strength = 1 / variance;
  const rates = new Float64Array(totals.counts.length);
  const uncertainty = new Float64Array(totals.counts.length);
  for (let cell = 0; cell < rates.length; cell++) {
    const d = Math.floor(cell / slots);
    const s = cell % slots;
    let sums = windowSums(totals, d * slots, slots, s, 0, prior.rates);
    for (let w = 1; w <= FACTOR_MAX_HALF_WIDTH && sums.weighted < FACTOR_MIN_EXPECTED; w++) {
      sums = windowSums(totals, d * slots, slots, s, w, prior.rates);
    }
    const factor = (sums.counts + strength) / (sums.weighted + strength);
    rates[cell] = (prior.rates[cell] ?? 0) * factor;
    uncertainty[cell] = 1 / (sums.counts + strength) + (prior.uncertainty[cell] ?? 0);
  }
  return { rates, uncertainty };
}
