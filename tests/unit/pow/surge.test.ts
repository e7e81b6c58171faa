import { describe, test, expect } from 'vitest';
import {
  DEFAULT_SURGE_CONFIG,
  INITIAL_SURGE_STATE,
  surgeConfigWithFloor,
  updateSurge,
  type SurgeState,
} from '@/lib/pow/surge';

const MINUTE = 60_000;

/** Feeds one per-minute count per minute and returns the states. */
function run(counts: number[], start: SurgeState = INITIAL_SURGE_STATE): SurgeState[] {
  const states: SurgeState[] = [];
  let state = start;
  counts.forEach((count, i) => {
    state = updateSurge({ state, lastMinuteCount: count, now: i * MINUTE });
    states.push(state);
  });
  return states;
}

function warmed(perMinute: number, minutes = 180): SurgeState {
  return run(Array<number>(minutes).fill(perMinute)).at(-1) ?? INITIAL_SURGE_STATE;
}

function continueRun(state: SurgeState, counts: number[]): SurgeState[] {
  const offset = state.updatedAt ?? 0;
  const states: SurgeState[] = [];
  let current = state;
  counts.forEach((count, i) => {
    current = updateSurge({
      state: current,
      lastMinuteCount: count,
      now: offset + (i + 1) * MINUTE,
    });
    states.push(current);
  });
  return states;
}

describe('updateSurge', () => {
  test('learns the baseline as an EWMA', () => {
    expect(warmed(20).baselinePerMinute).toBeCloseTo(20, 5);
    expect(warmed(20).active).toBe(false);
  });

  test('stays off below the floor even when the rate jumps many times over the baseline', () => {
    const states = continueRun(warmed(2), [50, 55, 60]);
    expect(states.every((s) => !s.active)).toBe(true);
  });

  test('stays off for a rise under k × baseline', () => {
    expect(continueRun(warmed(40), [150]).at(-1)?.active).toBe(false);
  });

  test('switches on above k × baseline and the floor', () => {
    const state = continueRun(warmed(40), [161]).at(-1);
    expect(state?.active).toBe(true);
    expect(state?.activeSince).toBe(state?.updatedAt ?? 0);
  });

  test('switches on from a cold start above the floor', () => {
    expect(run([61])[0]?.active).toBe(true);
  });

  test('does not let the spike raise the baseline', () => {
    const before = warmed(40);
    const after = continueRun(before, [1_000]).at(-1);
    expect(after?.baselinePerMinute).toBe(before.baselinePerMinute);
  });

  test('stays on for at least minOnMs even when the rate drops at once', () => {
    const states = continueRun(warmed(40), [500, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    const onMinutes = states.filter((s) => s.active).length;
    expect(onMinutes).toBe(DEFAULT_SURGE_CONFIG.minOnMs / MINUTE);
    expect(states.at(-1)?.active).toBe(false);
  });

  test('hysteresis: stays on between the off and on thresholds', () => {
    const states = continueRun(warmed(40), [500, ...Array<number>(30).fill(120)]);
    expect(states.every((s) => s.active)).toBe(true);
  });

  test('switches off once the rate falls under k_off × baseline', () => {
    const states = continueRun(warmed(40), [
      500,
      ...Array<number>(15).fill(120),
      ...Array<number>(2).fill(70),
    ]);
    expect(states.at(-1)?.active).toBe(false);
    expect(states.at(-1)?.activeSince).toBeNull();
  });

  test('eventually adapts to a lasting rise so PoW does not stay on forever', () => {
    const states = continueRun(warmed(40), Array<number>(24 * 60).fill(400));
    expect(states[0]?.active).toBe(true);
    expect(states.at(-1)?.active).toBe(false);
  });

  test('handles irregular update intervals', () => {
    const a = updateSurge({ state: INITIAL_SURGE_STATE, lastMinuteCount: 10, now: 0 });
    const b = updateSurge({ state: a, lastMinuteCount: 30, now: 1 });
    const c = updateSurge({ state: a, lastMinuteCount: 30, now: 30 * MINUTE });
    expect(b.baselinePerMinute).toBeCloseTo(10, 2);
    expect(c.baselinePerMinute).toBeCloseTo(20, 5);
  });
});

describe('surgeConfigWithFloor', () => {
  test('a lower floor switches proof of work on earlier, and off below half of it', () => {
    const config = surgeConfigWithFloor(10);
    expect(config).toMatchObject({ floorOnPerMinute: 10, floorOffPerMinute: 5, factorOn: DEFAULT_SURGE_CONFIG.factorOn });
    const quiet = updateSurge({ state: INITIAL_SURGE_STATE, lastMinuteCount: 1, now: 0, config });
    expect(updateSurge({ state: quiet, lastMinuteCount: 11, now: MINUTE, config }).active).toBe(true);
    expect(updateSurge({ state: quiet, lastMinuteCount: 11, now: MINUTE }).active).toBe(false);
  });
});
