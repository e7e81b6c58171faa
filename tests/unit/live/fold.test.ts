import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PROBLEM_CATEGORIES } from '@/lib/domain/types';
import { foldDeltas, foldReports } from '@/lib/live/fold';
import { applyDelta, straddles } from '@/lib/map-state/apply-delta';
import { buildMapState } from '@/lib/map-state/build-map-state';
import type { LiveDelta, MapState, StreamDelta } from '@/lib/map-state/types';
import { ACADEMY_IDS, at, expectedCounts, incident, mapStateInput, min } from '@/tests/helpers/map-state-fixture';

type ReportDelta = Extract<LiveDelta, { kind: 'report' }>;

function state(platformId: string | null, category: (typeof PROBLEM_CATEGORIES)[number] | null): MapState {
  return buildMapState(mapStateInput({
    expected: new Map([...expectedCounts(), ['ent-hdf', new Map([['lille', 1]])]]),
    // A national outage on cned and a local one on pronote: académie severities then depend on national totals.
    incidents: [
      incident({ id: 'n1', platformId: 'cned', detectedAt: null, national: true, academies: ACADEMY_IDS.map((academyId) => ({ academyId, joinedAt: min(-20) })) }),
      incident({ id: 'l1', platformId: 'pronote', level: 'possible', startedAt: min(-10), detectedAt: null, academies: [{ academyId: 'paris', joinedAt: min(-10) }] }),
    ],
    platformId,
    category,
  }));
}

// Reports mostly in the 30-minute window, some over the last 4 hours and a few minutes ahead (sparkline edges, newer than the state).
const reportArb = fc.record({
  // Weighted towards cned in lille: enough reporters there to cross the "stands out" threshold of the national outage.
  platformId: fc.constantFrom('cned', 'cned', 'pronote', 'ent-hdf'),
  academyId: fc.constantFrom('lille', 'lille', 'paris', 'versailles'),
  category: fc.constantFrom('login', 'slow', 'unreachable'),
  offsetMs: fc.oneof(
    { arbitrary: fc.integer({ min: -32 * 60_000, max: 60_000 }), weight: 4 },
    { arbitrary: fc.integer({ min: -4 * 3_600_000, max: 10 * 60_000 }), weight: 1 },
  ),
  reporter: fc.boolean(),
});

type RawReport = { platformId: string; academyId: string; category: string; offsetMs: number; reporter: boolean };

const toDeltas = (raw: RawReport[]): ReportDelta[] =>
  raw.map((r, i) => ({
    kind: 'report',
    seq: 101 + i,
    at: new Date(at.getTime() + r.offsetMs).toISOString(),
    platformId: r.platformId,
    academyId: r.academyId,
    category: r.category as ReportDelta['category'],
    reporter: r.reporter,
  }));

const one = (d: ReportDelta): StreamDelta => foldReports([d]) as StreamDelta;

describe('foldDeltas', () => {
  test('folds a run of reports into one counts frame per cell, keeping incidents and resyncs in place', () => {
    const r = (seq: number, platformId: string, reporter = true, time = '2021-04-06T07:02:10.000Z'): ReportDelta => ({
      kind: 'report', seq, at: time, platformId, academyId: 'paris', category: 'login', reporter,
    });
    const out = foldDeltas([r(1, 'a'), r(2, 'a', false, '2021-04-06T07:02:59.999Z'), r(3, 'b', true, '2021-04-06T07:01:00.000Z'), { kind: 'resync', seq: 4 }, r(5, 'a')]);
    const minute = Date.parse('2021-04-06T07:02:00.000Z') / 60_000;
    expect(out).toEqual([
      {
        kind: 'counts', seq: 3, first: 1, at: '2021-04-06T07:02:59.999Z', since: '2021-04-06T07:01:00.000Z',
        cells: [['a', 'paris', 'login', minute, 2, 1], ['b', 'paris', 'login', minute - 1, 1, 1]],
      },
      { kind: 'resync', seq: 4 },
      { kind: 'counts', seq: 5, first: 5, at: '2021-04-06T07:02:10.000Z', since: '2021-04-06T07:02:10.000Z', cells: [['a', 'paris', 'login', minute, 1, 1]] },
    ]);
    expect(foldDeltas([])).toEqual([]);
  });

  test('applying the folded frame equals applying each report one by one, in any order and any split', () => {
    fc.assert(
      fc.property(
        fc.array(reportArb, { minLength: 1, maxLength: 60 }),
        fc.constantFrom(null, 'pronote', 'cned'),
        fc.constantFrom(null, 'login'),
        fc.integer({ min: 0, max: 60 }),
        (raw, platformId, category, cut) => {
          const initial = state(platformId, category);
          const deltas = toDeltas(raw);
          const folded = foldDeltas(deltas).reduce(applyDelta, initial);
          const each = deltas.map(one).reduce(applyDelta, initial);
          const split = [...foldDeltas(deltas.slice(0, cut)), ...foldDeltas(deltas.slice(cut))].reduce(applyDelta, initial);
          expect(folded).toEqual(each);
          expect(split).toEqual(each);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('an académie reported early follows national totals that move after it (as a fresh state would)', () => {
    const initial = state(null, null);
    const r = (academyId: string) => ({ platformId: 'cned', academyId, category: 'login', offsetMs: -60_000, reporter: true });
    const deltas = toDeltas([...Array.from({ length: 4 }, () => r('lille')), ...Array.from({ length: 4 }, () => r('paris'))]);
    const folded = foldDeltas(deltas).reduce(applyDelta, initial);
    const each = deltas.map(one).reduce(applyDelta, initial);
    const lille = (s: MapState) => s.academies.find((a) => a.academyId === 'lille')?.platforms.find((p) => p.platformId === 'cned');
    expect(lille(foldDeltas(deltas.slice(0, 4)).reduce(applyDelta, initial))).toMatchObject({ reporters: 6, standsOut: true });
    expect(lille(folded)).toMatchObject({ reporters: 6, national: true, standsOut: false });
    expect(each).toEqual(folded);
  });

  test('a frame partly in the state is neither applied nor skipped whole: it straddles', () => {
    const deltas = toDeltas([
      { platformId: 'pronote', academyId: 'paris', category: 'login', offsetMs: -60_000, reporter: true },
      { platformId: 'pronote', academyId: 'lille', category: 'login', offsetMs: -60_000, reporter: true },
    ]);
    const frame = foldReports(deltas) as StreamDelta;
    expect(straddles(frame, 100)).toBe(false);
    expect(straddles(frame, 101)).toBe(true);
    expect(straddles(frame, 102)).toBe(false);
    const mid = { ...state(null, null), seq: 101 };
    expect(applyDelta(mid, frame)).toBe(mid);
  });
});
