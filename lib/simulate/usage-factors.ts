import { getDayType, localMinuteOfDay } from '@/lib/calendar/day-type';
import { getDayProfile, getShapeColumn, type ShapeColumn } from './day-shape';
import type { BaselineWindow } from './types';

export const MINUTE_MS = 60_000;
// Local midnights and DST switches of the supported zones fall on UTC quarter hours.
const BLOCK_MINUTES = 15;

/** Simulated span: minute 0 starts at t0 (epoch ms, minute-aligned). */
export type SimWindow = { t0: number; minutes: number };

const PROFILES: Record<ShapeColumn, Float64Array> = {
  school: getDayProfile('school'),
  wednesday: getDayProfile('wednesday'),
  saturday: getDayProfile('saturday'),
  sunday: getDayProfile('sunday'),
};

/** Window covering [start, end), widened to whole minutes. */
export function toSimWindow(start: Date, end: Date): SimWindow {
  const t0 = Math.floor(start.getTime() / MINUTE_MS) * MINUTE_MS;
  const minutes = Math.max(0, Math.ceil((end.getTime() - t0) / MINUTE_MS));
  return { t0, minutes };
}

function fillShape(window: SimWindow, academyId: string, factors: Float64Array): void {
  let m = 0;
  while (m < window.minutes) {
    const instant = window.t0 + m * MINUTE_MS;
    const epochMinute = Math.floor(instant / MINUTE_MS);
    const blockEnd = Math.min(window.minutes, m + BLOCK_MINUTES - (epochMinute % BLOCK_MINUTES));
    const profile = PROFILES[getShapeColumn(getDayType(instant, academyId))];
    const localStart = localMinuteOfDay(instant, academyId);
    for (let j = m; j < blockEnd; j++) factors[j] = profile[(localStart + j - m) % 1440] ?? 0;
    m = blockEnd;
  }
}

function applyMultiplier(
  window: SimWindow,
  multiplier: BaselineWindow,
  factors: Float64Array,
): void {
  const from = Math.max(0, Math.ceil((multiplier.from - window.t0) / MINUTE_MS));
  const to = Math.min(window.minutes, Math.ceil((multiplier.to - window.t0) / MINUTE_MS));
  for (let m = from; m < to; m++) factors[m] = (factors[m] ?? 0) * multiplier.factor;
}

/**
 * Per-minute usage factor of an académie over the window: the doc's shape for its local day type
 * and local time, times every baseline multiplier covering it.
 */
export function buildUsageFactors({
  window,
  academyId,
  multipliers,
}: {
  window: SimWindow;
  academyId: string;
  multipliers: readonly BaselineWindow[];
}): Float64Array {
  const factors = new Float64Array(window.minutes);
  fillShape(window, academyId, factors);
  for (const multiplier of multipliers) {
    if (!multiplier.academies || multiplier.academies.includes(academyId)) {
      applyMultiplier(window, multiplier, factors);
    }
  }
  return factors;
}
