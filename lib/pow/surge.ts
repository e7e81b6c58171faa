import {
  SURGE_ACTIVE_HALF_LIFE_MS,
  SURGE_FACTOR_OFF,
  SURGE_FACTOR_ON,
  SURGE_FLOOR_OFF_PER_MINUTE,
  SURGE_HALF_LIFE_MS,
  SURGE_MIN_ON_MS,
} from './thresholds';
import { SURGE_FLOOR_ON_PER_MINUTE } from '@/lib/domain/limits';

export type SurgeConfig = {
  factorOn: number;
  floorOnPerMinute: number;
  factorOff: number;
  floorOffPerMinute: number;
  minOnMs: number;
  halfLifeMs: number;
  activeHalfLifeMs: number;
};

export const DEFAULT_SURGE_CONFIG: SurgeConfig = {
  factorOn: SURGE_FACTOR_ON,
  floorOnPerMinute: SURGE_FLOOR_ON_PER_MINUTE,
  factorOff: SURGE_FACTOR_OFF,
  floorOffPerMinute: SURGE_FLOOR_OFF_PER_MINUTE,
  minOnMs: SURGE_MIN_ON_MS,
  halfLifeMs: SURGE_HALF_LIFE_MS,
  activeHalfLifeMs: SURGE_ACTIVE_HALF_LIFE_MS,
};

/** The surge rule with an admin-set floor: on above `floorOnPerMinute`, off below half of it. */
export function surgeConfigWithFloor(floorOnPerMinute: number): SurgeConfig {
  return { ...DEFAULT_SURGE_CONFIG, floorOnPerMinute, floorOffPerMinute: floorOnPerMinute / 2 };
}

export type SurgeState = {
  /** Time-weighted EWMA of the per-minute report count. */
  baselinePerMinute: number;
  /** Whether proof-of-work is currently required. */
  active: boolean;
  /** Epoch ms when PoW last switched on, null while off. */
  activeSince: number | null;
  /** Epoch ms of the previous update, null before the first one. */
  updatedAt: number | null;
};

export const INITIAL_SURGE_STATE: SurgeState = {
  baselinePerMinute: 0,
  active: false,
  activeSince: null,
  updatedAt: null,
};

function decay(baseline: number, sample: number, elapsedMs: number, halfLifeMs: number): number {
  const alpha = 1 - Math.pow(2, -Math.max(0, elapsedMs) / halfLifeMs);
  return baseline + alpha * (sample - baseline);
}

/**
 * Next surge state from the global report count over the last minute; callable at any cadence
 * (the EWMA weight depends on the elapsed time). On above max(k_on × baseline, floor_on), off below
 * max(k_off × baseline, floor_off) once on for at least minOnMs: the gap is the hysteresis.
 */
export function updateSurge(input: {
  state: SurgeState;
  lastMinuteCount: number;
  now: number;
  config?: SurgeConfig;
}): SurgeState {
  const { state, lastMinuteCount: count, now } = input;
  const c = input.config ?? DEFAULT_SURGE_CONFIG;
  const elapsed = state.updatedAt === null ? 0 : now - state.updatedAt;
  if (!state.active) {
    const threshold = Math.max(c.factorOn * state.baselinePerMinute, c.floorOnPerMinute);
    if (count > threshold) return { ...state, active: true, activeSince: now, updatedAt: now };
    const baseline =
      state.updatedAt === null
        ? count
        : decay(state.baselinePerMinute, count, elapsed, c.halfLifeMs);
    return { ...state, baselinePerMinute: baseline, updatedAt: now };
  }
  // While on, the baseline adapts slowly so that a lasting rise in traffic eventually switches PoW off.
  const baseline = decay(state.baselinePerMinute, count, elapsed, c.activeHalfLifeMs);
  const offThreshold = Math.max(c.factorOff * baseline, c.floorOffPerMinute);
  const onLongEnough = now - (state.activeSince ?? now) >= c.minOnMs;
  if (count < offThreshold && onLongEnough) {
    return { baselinePerMinute: baseline, active: false, activeSince: null, updatedAt: now };
  }
  return { ...state, baselinePerMinute: baseline, updatedAt: now };
}
