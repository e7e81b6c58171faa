import { describe, test, expect } from 'vitest';
import { getDayType, localMinuteOfDay } from '@/lib/calendar/day-type';
import { getSimPlatform } from '@/lib/simulate/catalog';
import { randomScenarios, simulate } from '@/lib/simulate/generate';

const start = new Date('2021-03-08T00:00:00+01:00');
const end = new Date('2021-04-03T00:00:00+02:00');
const scenarios = randomScenarios({ seed: 5, count: 200, start, end });
const outages = scenarios.flatMap((s) => s.outages);

describe('randomScenarios', () => {
  test('is deterministic for a seed and changes with it', () => {
    expect(randomScenarios({ seed: 5, count: 200, start, end })).toEqual(scenarios);
    expect(randomScenarios({ seed: 6, count: 200, start, end })).not.toEqual(scenarios);
  });

  test('returns one outage per scenario with unique ids', () => {
    expect(scenarios).toHaveLength(200);
    expect(outages).toHaveLength(200);
    expect(new Set(outages.map((o) => o.id)).size).toBe(200);
  });

  test('draws sizes of 1–50 reporters/min, durations of 15 min–6 h inside the window', () => {
    for (const o of outages) {
      expect(o.extraPerMinute).toBeGreaterThanOrEqual(1);
      expect(o.extraPerMinute).toBeLessThanOrEqual(50);
      expect(o.end - o.start).toBeGreaterThanOrEqual(15 * 60_000);
      expect(o.end - o.start).toBeLessThanOrEqual(360 * 60_000);
      expect(o.start).toBeGreaterThanOrEqual(start.getTime());
      expect(o.end).toBeLessThanOrEqual(end.getTime());
      expect(o.start % 60_000).toBe(0);
    }
  });

  test('uses served académies and mixes national, regional, abrupt and ramped outages', () => {
    for (const o of outages) {
      if (o.academies !== 'national') {
        const served = getSimPlatform(o.platformId).academies;
        expect(o.academies.every((id) => served.includes(id))).toBe(true);
      }
    }
    expect(outages.some((o) => o.academies === 'national')).toBe(true);
    expect(outages.some((o) => o.academies !== 'national' && o.academies.length < 5)).toBe(true);
    expect(outages.some((o) => (o.rampMinutes ?? 0) > 0)).toBe(true);
    expect(outages.some((o) => (o.rampMinutes ?? 0) === 0)).toBe(true);
    expect(new Set(outages.map((o) => o.kind)).size).toBe(4);
    expect(new Set(outages.map((o) => o.platformId)).size).toBeGreaterThan(20);
  });

  test('starts mostly during school hours', () => {
    const inSchool = outages.filter((o) => {
      const dayType = getDayType(o.start, 'paris');
      const minute = localMinuteOfDay(o.start, 'paris');
      return (dayType === 'school' || dayType === 'wednesday') && minute >= 450 && minute < 1020;
    });
    expect(inSchool.length / outages.length).toBeGreaterThan(0.7);
  });

  test('multiplies sizes by scale', () => {
    const half = randomScenarios({ seed: 5, count: 200, start, end, scale: 0.5 });
    const halfOutages = half.flatMap((s) => s.outages);
    halfOutages.forEach((o, i) => {
      expect(o.extraPerMinute).toBeCloseTo((outages[i]?.extraPerMinute ?? 0) / 2, 9);
    });
  });

  test('restricts to the given platforms and returns nothing for a window under 15 min', () => {
    const only = randomScenarios({ seed: 1, count: 10, start, end, platforms: ['pronote'] });
    expect(only.every((s) => s.outages.every((o) => o.platformId === 'pronote'))).toBe(true);
    const short = new Date(start.getTime() + 10 * 60_000);
    expect(randomScenarios({ seed: 1, count: 10, start, end: short })).toEqual([]);
  });

  test('feeds simulate with every outage in the truth', () => {
    const few = randomScenarios({ seed: 9, count: 5, start, end });
    const { truth } = simulate({ start, end, seed: 9, scenarios: few });
    expect(truth.map((t) => t.id).sort()).toEqual(few.map((s) => s.name).sort());
  }, 30_000); // a whole simulated window: seconds on a loaded machine
});
