import { describe, test, expect } from 'vitest';
import {
  simulate,
  simulateCounts,
  simulateIter,
  type OutageSpec,
  type Scenario,
  type SimReport,
} from '@/lib/simulate/generate';
import { listSimAcademies, listSimPlatforms } from '@/lib/simulate/catalog';

const WEEK = {
  start: new Date('2021-03-08T00:00:00+01:00'),
  end: new Date('2021-03-15T00:00:00+01:00'),
};
const PRONOTE_X20 = { ...WEEK, scale: 20, platforms: ['pronote'], scenarios: [] };
const METRO = new Set(listSimAcademies().filter((a) => !a.overseas).map((a) => a.id));

const SPEC: OutageSpec = {
  id: 'o1',
  platformId: 'pronote',
  academies: ['lyon', 'grenoble'],
  start: Date.parse('2021-03-09T09:00:00+01:00'),
  end: Date.parse('2021-03-09T10:00:00+01:00'),
  extraPerMinute: 20,
  kind: 'attack',
};
const OUTAGE: Scenario = { name: 'test', outages: [SPEC] };

function countBetween(reports: SimReport[], from: string, to: string): number {
  const [a, b] = [Date.parse(from), Date.parse(to)];
  return reports.filter((r) => r.t >= a && r.t < b && METRO.has(r.academyId)).length;
}

describe('simulate', () => {
  test('returns the same reports and truth for the same seed', () => {
    const opts = { ...WEEK, seed: 42, scenarios: [OUTAGE] };
    expect(simulate(opts)).toEqual(simulate(opts));
  });

  test('returns different reports for another seed', () => {
    const a = simulate({ ...WEEK, seed: 1, scenarios: [] }).reports;
    const b = simulate({ ...WEEK, seed: 2, scenarios: [] }).reports;
    expect(a.map((r) => r.t)).not.toEqual(b.map((r) => r.t));
  });

  test('returns chronological reports inside the window, each background person distinct', () => {
    const { reports } = simulate({ ...WEEK, seed: 3, scenarios: [] });
    expect(reports.length).toBeGreaterThan(1000);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]?.t).toBeGreaterThanOrEqual(reports[i - 1]?.t ?? 0);
    }
    expect(reports[0]?.t).toBeGreaterThanOrEqual(WEEK.start.getTime());
    expect(reports.at(-1)?.t).toBeLessThan(WEEK.end.getTime());
    expect(new Set(reports.map((r) => r.source)).size).toBe(reports.length);
    expect(new Set(reports.map((r) => r.platformId)).size).toBeGreaterThan(30);
  });

  test('peaks at 07:30–08:30 on school days, far above Sunday', () => {
    const { reports } = simulate({ ...PRONOTE_X20, seed: 4 });
    const tuesday = countBetween(reports, '2021-03-09T07:30:00+01:00', '2021-03-09T08:30:00+01:00');
    const sunday = countBetween(reports, '2021-03-14T07:30:00+01:00', '2021-03-14T08:30:00+01:00');
    const noon = countBetween(reports, '2021-03-09T12:00:00+01:00', '2021-03-09T13:00:00+01:00');
    expect(tuesday).toBeGreaterThan(4 * sunday);
    expect(tuesday).toBeGreaterThan(1.7 * noon);
  });

  test('has a quieter Wednesday afternoon than Tuesday afternoon', () => {
    const { reports } = simulate({ ...PRONOTE_X20, seed: 5 });
    const tuesday = countBetween(reports, '2021-03-09T14:00:00+01:00', '2021-03-09T17:00:00+01:00');
    const wednesday = countBetween(reports, '2021-03-10T14:00:00+01:00', '2021-03-10T17:00+01:00');
    expect(wednesday).toBeLessThan(0.7 * tuesday);
    expect(wednesday).toBeGreaterThan(0.3 * tuesday);
  });

  test('halves volumes approximately with scale 0.5', () => {
    const full = simulate({ ...WEEK, seed: 6, scale: 2, scenarios: [OUTAGE] }).reports.length;
    const half = simulate({ ...WEEK, seed: 7, scale: 1, scenarios: [OUTAGE] }).reports.length;
    expect(half / full).toBeGreaterThan(0.45);
    expect(half / full).toBeLessThan(0.55);
  });

  test('adds outage reports only in its académies and hours, and records its truth', () => {
    const { reports, truth } = simulate({ ...WEEK, seed: 8, scenarios: [OUTAGE] });
    const outage = reports.filter((r) => r.outageId === 'o1');
    expect(outage.length).toBeGreaterThan(700);
    expect(outage.length).toBeLessThan(1700);
    expect(new Set(outage.map((r) => r.academyId))).toEqual(new Set(['lyon', 'grenoble']));
    expect(outage.every((r) => r.t >= SPEC.start && r.t < SPEC.end)).toBe(true);
    expect(outage.some((r) => r.comment !== undefined)).toBe(true);
    const breakdown = ['unreachable', 'login', 'error_page'];
    const typical = outage.filter((r) => breakdown.includes(r.category));
    expect(typical.length / outage.length).toBeGreaterThan(0.8);
    expect(truth).toEqual([SPEC]);
  });

  test('keeps background identical when an outage is added', () => {
    const background = (scenarios: Scenario[]) =>
      simulate({ ...WEEK, seed: 9, scenarios }).reports.filter((r) => r.origin === 'background');
    expect(background([OUTAGE])).toEqual(background([]));
  });

  test('restricts to the given platforms and drops other outages from the truth', () => {
    const opts = { ...WEEK, seed: 10, platforms: ['toutatice'], scenarios: [OUTAGE] };
    const { reports, truth } = simulate(opts);
    expect(new Set(reports.map((r) => r.platformId))).toEqual(new Set(['toutatice']));
    expect(truth).toEqual([]);
  });

  test('clips the truth to the window', () => {
    const end = new Date('2021-03-09T09:30:00+01:00');
    const opts = { start: WEEK.start, end, seed: 1, platforms: ['pronote'], scenarios: [OUTAGE] };
    const { truth } = simulate(opts);
    expect(truth[0]?.end).toBe(end.getTime());
  });

  test('rejects duplicate outage ids and académies the platform does not serve', () => {
    const opts = { ...WEEK, seed: 1, platforms: ['pronote'] };
    expect(() => simulate({ ...opts, scenarios: [OUTAGE, OUTAGE] })).toThrow('en double');
    const wrong = { ...OUTAGE, outages: [{ ...SPEC, platformId: 'toutatice' }] };
    const unserved = { ...opts, platforms: ['toutatice'], scenarios: [wrong] };
    expect(() => simulate(unserved)).toThrow('ne dessert pas');
  });
});

describe('simulateIter', () => {
  test('streams exactly the reports of simulate', () => {
    const opts = { ...WEEK, seed: 11, platforms: ['pronote', 'ecoledirecte'], scenarios: [OUTAGE] };
    expect([...simulateIter(opts)]).toEqual(simulate(opts).reports);
  });
});

describe('simulateCounts', () => {
  test('equals the per-minute distinct reporters of simulate, spam aside', () => {
    const spam: Scenario = {
      name: 'spam',
      outages: [],
      spam: [
        {
          platformId: 'pronote',
          academyId: 'lyon',
          at: Date.parse('2021-03-09T21:00:00Z'),
          count: 50,
          durationMinutes: 10,
        },
      ],
    };
    const opts = { ...WEEK, seed: 12, scenarios: [OUTAGE, spam] };
    const counts = simulateCounts(opts);
    const { reports, truth } = simulate(opts);
    const expected = new Map<string, number>();
    for (const r of reports.filter((x) => x.origin !== 'spam')) {
      const key = `${r.platformId}|${r.academyId}|${Math.floor((r.t - counts.t0) / 60_000)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const actual = new Map<string, number>();
    for (const s of counts.series) {
      s.counts.forEach((c, m) => {
        if (c > 0) actual.set(`${s.platformId}|${s.academyId}|${m}`, c);
      });
    }
    expect(actual).toEqual(expected);
    expect(counts.spam).toEqual(reports.filter((r) => r.origin === 'spam'));
    expect(counts.truth).toEqual(truth);
    expect(counts.minutes).toBe(7 * 1440);
  });

  test('has one series per served (platform, académie)', () => {
    const { series } = simulateCounts({ ...WEEK, seed: 1, scenarios: [] });
    const served = listSimPlatforms().reduce((sum, p) => sum + p.academies.length, 0);
    expect(served).toBe(430);
    expect(series).toHaveLength(served);
  });
});
