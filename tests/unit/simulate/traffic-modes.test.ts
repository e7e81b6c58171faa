import { describe, expect, test } from 'vitest';
import { simulateCounts } from '@/lib/simulate/generate';
import { applyLateBatches, calendarSurprises, extraDispersionAt, placeTrafficEvents, TRAFFIC_MODES } from '@/lib/simulate/traffic-modes';

const window = { start: new Date('2021-03-08T00:00:00+01:00'), end: new Date('2021-03-10T00:00:00+01:00') };
const total = (mode?: (typeof TRAFFIC_MODES)[number]) =>
  simulateCounts({ ...window, seed: 3, scenarios: [], platforms: ['pronote', 'ecoledirecte'], mode }).series.reduce((n, s) => n + s.counts.reduce((a, b) => a + b, 0), 0);

describe('traffic modes', () => {
  test.each(TRAFFIC_MODES.map((mode) => ({ mode })))('$mode is deterministic and keeps the volume within a factor of 3', ({ mode }) => {
    const a = total(mode);
    expect(total(mode)).toBe(a);
    const clean = total();
    expect(a).toBeGreaterThan(clean / 3);
    expect(a).toBeLessThan(clean * 3);
  });

  test('late batches keep an académie’s counts at their observed minutes, known only when the batch arrives', () => {
    const counts = new Uint16Array(10).fill(2);
    const series: Array<{ academyId: string; counts: Uint16Array; knownAt?: Float64Array }> = [{ academyId: 'paris', counts }, { academyId: 'lille', counts: new Uint16Array(10).fill(2) }];
    applyLateBatches(series, [{ kind: 'late', academyId: 'paris', from: 2 * 60_000, to: 6 * 60_000 }], { t0: 0, minutes: 10 });
    expect([...counts]).toEqual(new Array(10).fill(2));
    expect([...(series[0]?.knownAt ?? [])]).toEqual([0, 0, 7, 7, 7, 7, 0, 0, 0, 0].map((m) => m * 60_000));
    expect(series[1]?.knownAt).toBeUndefined();
  });

  test('overdispersion is heavier at lunch and in the evening than in the morning', () => {
    const at = (h: number) => extraDispersionAt(Date.UTC(2021, 2, 8, h - 1));
    expect(at(9)).toBeLessThan(at(13));
    expect(at(13)).toBeLessThan(at(20));
  });

  test('events are placed inside the window and calendar surprises fall on weekdays', () => {
    const sim = { t0: window.start.getTime(), minutes: 14 * 1440 };
    for (const mode of TRAFFIC_MODES) {
      for (const e of placeTrafficEvents(mode, sim, 1)) expect(e.from).toBeGreaterThanOrEqual(sim.t0);
    }
    for (const s of calendarSurprises(sim)) expect([1, 2, 4, 5]).toContain(new Date(s.from + 12 * 3_600_000).getUTCDay());
  });
});
