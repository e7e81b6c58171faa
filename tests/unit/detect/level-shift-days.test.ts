import { describe, expect, test } from 'vitest';
import { createDetector } from '@/lib/detect/detector';
import { groupIncidents } from '@/lib/detect/incidents';
import { withoutLevelShifts } from '@/lib/detect/run-detection';
import type { Episode } from '@/lib/detect/types';
import { createRng, sampleNegBinomial } from './synthetic';

const MIN = 60_000;
const DAY = 1440;
const T0 = Date.parse('2021-03-08T00:00:00Z');
const DISPERSION = 0.1;

// A dense-enough total with a daily curve: a few reporters a minute in the day, almost none at night.
function meanAt(i: number): number {
  const hour = (i % DAY) / 60;
  return hour < 6 || hour >= 21 ? 0.03 : 0.4 + 0.9 * Math.sin(((hour - 6) / 15) * Math.PI);
}

function run(input: { days: number; factor: (i: number) => number; extra?: (i: number) => number; seed: number }): Episode[] {
  const rng = createRng(input.seed);
  const detector = createDetector({ bucketMs: MIN });
  for (let i = 0; i < input.days * DAY; i++) {
    const mean = meanAt(i);
    const count = sampleNegBinomial(rng, mean * input.factor(i), DISPERSION) + (input.extra?.(i) ?? 0);
    detector.step({ t: T0 + i * MIN, count }, { mean, dispersion: DISPERSION });
  }
  return detector.episodes();
}

describe('createDetector on a level shift lasting days', () => {
  const shiftAt = DAY + 7 * 60;
  const episodes = run({ days: 6, factor: (i) => (i >= shiftAt ? 2.5 : 1), seed: 11 });
  const flagged = episodes.filter((e) => e.levelShift);

  test('flags the change of level for moderators within the shift’s first school days, near its factor', () => {
    expect(flagged.length).toBeGreaterThanOrEqual(1);
    const first = flagged[0]?.levelShift;
    expect(first?.at).toBeGreaterThanOrEqual(T0 + shiftAt * MIN);
    expect(first?.at).toBeLessThan(T0 + (shiftAt + 4 * DAY) * MIN);
    expect(first?.factor).toBeGreaterThan(1.5);
    expect(first?.factor).toBeLessThan(3.5);
  });

  test('no « détectée » episode is held open for a day or more', () => {
    const longest = Math.max(...episodes.filter((e) => e.detectedAt !== null).map((e) => (e.end ?? Infinity) - e.start));
    expect(longest).toBeLessThan(DAY * MIN);
  });

  test('holds no « détectée » open: nothing is open at the end and no incident stays open', () => {
    const end = T0 + 6 * DAY * MIN;
    expect(episodes.every((e) => e.end !== null)).toBe(true);
    const incidents = groupIncidents(withoutLevelShifts([{ platformId: 'p', scope: 'national', episodes }]), 20 * MIN);
    expect(incidents.filter((i) => i.detectedAt !== null && (i.end === null || i.end >= end - 60 * MIN))).toEqual([]);
    const detectedAfterFlag = episodes.filter((e) => !e.levelShift && e.detectedAt !== null && e.start > (flagged[0]?.levelShift?.at ?? T0 + shiftAt * MIN));
    expect(detectedAfterFlag).toEqual([]);
  });

  test('the same days without the shift flag nothing', () => {
    expect(run({ days: 6, factor: () => 1, seed: 11 }).filter((e) => e.levelShift)).toEqual([]);
  });

  test('an outage of 4 hours (a constant excess) on those days stays an outage', () => {
    const from = 2 * DAY + 8 * 60;
    const outage = run({ days: 4, factor: () => 1, extra: (i) => (i >= from && i < from + 240 ? 4 : 0), seed: 12 });
    const covering = outage.filter((e) => e.start <= T0 + (from + 240) * MIN && (e.end ?? Infinity) >= T0 + from * MIN);
    expect(covering.length).toBeGreaterThan(0);
    expect(covering.every((e) => !e.levelShift)).toBe(true);
    expect(covering.some((e) => e.detectedAt !== null)).toBe(true);
  });
});
