import { describe, expect, test } from 'vitest';
import type { ProblemCategory } from '@/lib/domain/types';
import { applyDelta } from '@/lib/map-state/apply-delta';
import { buildMapState, type PairCount } from '@/lib/map-state/build-map-state';
import { incidentAt, type IncidentRecord } from '@/lib/map-state/incident-at';
import { foldReports } from '@/lib/live/fold';
import type { LiveDelta, MapState, StreamDelta } from '@/lib/map-state/types';
import { at, incident, mapStateInput, min, PLATFORMS, zeros } from '@/tests/helpers/map-state-fixture';

const input = mapStateInput;

type ReportDelta = Extract<LiveDelta, { kind: 'report' }>;

function rawReport(over: Partial<ReportDelta> = {}): ReportDelta {
  return { kind: 'report', seq: 101, at: min(0.5).toISOString(), platformId: 'pronote', academyId: 'paris', category: 'login', reporter: true, ...over };
}

/** One report as the stream sends it: a counts frame of one. */
function report(over: Partial<ReportDelta> = {}): StreamDelta {
  const counts = foldReports([rawReport(over)]);
  if (!counts) throw new Error('no counts');
  return counts;
}

function plusOne(counts: readonly PairCount[], platformId: string, academyId: string, reporters: number): PairCount[] {
  const found = counts.some((c) => c.platformId === platformId && c.academyId === academyId);
  const out = counts.map((c) => (c.platformId === platformId && c.academyId === academyId ? { ...c, reports: c.reports + 1, reporters: c.reporters + reporters } : c));
  return found ? out : [...out, { platformId, academyId, reports: 1, reporters }];
}

function sparklineWith(platformId: string, index: number): Map<string, number[]> {
  return new Map(PLATFORMS.map((p) => [p.id, p.id === platformId ? zeros().map((v, i) => (i === index ? 1 : v)) : zeros()]));
}

const served = (platformId: string) => PLATFORMS.find((p) => p.id === platformId)?.academies ?? [];

/** The client cannot know the baseline of a platform entry it has never seen: it shows 0 until the next refresh. */
function unknownExpectationsAsZero(state: MapState, before: MapState): MapState {
  const known = new Set(before.academies.flatMap((a) => a.platforms.map((p) => `${a.academyId}|${p.platformId}`)));
  return {
    ...state,
    academies: state.academies.map((a) => ({
      ...a,
      platforms: a.platforms.map((p) => (known.has(`${a.academyId}|${p.platformId}`) ? p : { ...p, expected: 0 })),
    })),
  };
}

describe('applyDelta: reports', () => {
  test.each([
    ['an académie with reports already', 'pronote', 'paris', true],
    ['a distinct reporter where the platform had none', 'ent-hdf', 'lille', true],
    ['a repeat report (not a distinct reporter)', 'pronote', 'paris', false],
  ])('gives the state the server would build with the report counted: %s', (_, platformId, academyId, reporter) => {
    const before = buildMapState(input());
    const after = applyDelta(before, report({ platformId, academyId, reporter }));
    const base = input();
    const expected = buildMapState(input({
      counts: plusOne(base.counts, platformId, academyId, reporter ? 1 : 0),
      sparklines: reporter ? sparklineWith(platformId, 35) : base.sparklines,
      seq: 101,
    }));
    expect(after).toEqual(expected);
  });

  test('raises the intensity of an académie in outage, not its severity', () => {
    const incidents = [incident({ id: 'i', platformId: 'pronote', academies: [{ academyId: 'paris', joinedAt: min(-20) }] })];
    let state = buildMapState(input({ incidents }));
    const before = state.academies.find((a) => a.academyId === 'paris');
    for (let i = 0; i < 20; i += 1) state = applyDelta(state, report({ seq: 101 + i }));
    const paris = state.academies.find((a) => a.academyId === 'paris');
    expect(paris?.severity).toBe('panne');
    expect(paris?.reporters).toBe(25);
    expect(paris?.intensity).toBeGreaterThan(before?.intensity ?? 1);
    expect(state.seq).toBe(120);
  });

  test('respects the category filter: other categories only move the seq', () => {
    const state = buildMapState(input({ category: 'login' }));
    const after = applyDelta(state, report({ category: 'slow' as ProblemCategory }));
    expect(after).toEqual({ ...state, seq: 101 });
    expect(applyDelta(state, report()).academies).not.toEqual(state.academies);
  });

  test('respects the platform filter: the académies stay, the platform list still moves', () => {
    const state = buildMapState(input({ platformId: 'cned' }));
    const after = applyDelta(state, report());
    expect(after.academies).toEqual(state.academies);
    expect(after.platforms.find((p) => p.platformId === 'pronote')?.reporters).toBe(6);
  });

  test('a report older than the window only feeds its sparkline bucket; newer than the last bucket lands in it', () => {
    const state = buildMapState(input());
    const old = applyDelta(state, report({ at: min(-62).toISOString() }));
    expect(old.academies).toEqual(state.academies);
    const pronote = old.platforms.find((p) => p.platformId === 'pronote');
    expect(pronote?.reporters).toBe(5);
    expect(pronote?.sparkline.indexOf(1)).toBe(23);
    const late = applyDelta(state, report({ at: min(9).toISOString() }));
    expect(late.platforms.find((p) => p.platformId === 'pronote')?.sparkline[35]).toBe(1);
    const ancient = applyDelta(state, report({ at: min(-600).toISOString() }));
    expect(ancient).toEqual({ ...state, seq: 101 });
  });

  test('ignores deltas already in the state, replayed states and resyncs', () => {
    const state = buildMapState(input());
    expect(applyDelta(state, report({ seq: 100 }))).toBe(state);
    expect(applyDelta(state, report({ seq: 99 }))).toBe(state);
    expect(applyDelta(state, { kind: 'resync', seq: 500 })).toBe(state);
    const replay = buildMapState(input({ live: false }));
    expect(applyDelta(replay, report())).toBe(replay);
  });
});

describe('applyDelta: incidents', () => {
  const opened = incident({ id: 'c1', platformId: 'cned', academies: [{ academyId: 'lille', joinedAt: min(-20) }, { academyId: 'paris', joinedAt: min(-10) }] });
  const possible = incident({ id: 'p1', platformId: 'pronote', level: 'possible', detectedAt: null, academies: [{ academyId: 'paris', joinedAt: min(-5) }] });
  const national = incident({ id: 'n1', platformId: 'ent-hdf', national: true });
  const delta = (record: IncidentRecord, seq = 101): StreamDelta => {
    const summary = incidentAt(record, at, served(record.platformId));
    if (!summary) throw new Error('incident not open at `at`');
    return { kind: 'incident', seq, incident: summary };
  };

  test.each([
    ['a detected incident over two académies', [], opened],
    ['a possible incident where another platform is down', [opened], possible],
    ['a national incident', [possible], national],
    ['an incident that spread to one more académie', [{ ...opened, academies: opened.academies.slice(0, 1) }], opened],
  ])('gives the state the server would build with it open: %s', (_, existing, record) => {
    const before = buildMapState(input({ incidents: existing }));
    const others = existing.filter((i) => i.id !== record.id);
    const server = buildMapState(input({ incidents: [...others, record], seq: 101 }));
    expect(applyDelta(before, delta(record))).toEqual(unknownExpectationsAsZero(server, before));
  });

  test('an ended incident leaves the map, statuses and panels as the server would build them', () => {
    const before = buildMapState(input({ incidents: [opened, possible] }));
    const summary = incidentAt(opened, at, served('cned'));
    if (!summary) throw new Error('incident not open at `at`');
    const ended: StreamDelta = { kind: 'incident', seq: 101, incident: { ...summary, endedAt: min(0).toISOString() } };
    expect(applyDelta(before, ended)).toEqual(buildMapState(input({ incidents: [possible], seq: 101 })));
  });

  test('with a platform filter, another platform’s incident changes the lists but not the académies', () => {
    const before = buildMapState(input({ platformId: 'pronote' }));
    const after = applyDelta(before, delta(opened));
    expect(after).toEqual(unknownExpectationsAsZero(buildMapState(input({ platformId: 'pronote', incidents: [opened], seq: 101 })), before));
    expect(after.academies).toEqual(before.academies);
  });
});

describe('applyDelta: a national incident arriving live', () => {
  test('goes to the national strip: académies keep the colour of what is wrong there, as a fresh state would', () => {
    const base = buildMapState(input());
    const record: IncidentRecord = { id: 'nat', platformId: 'cned', level: 'detected', startedAt: min(-5), detectedAt: min(-1), endedAt: null, national: true, academies: [] };
    const summary = incidentAt(record, at, PLATFORMS[0]?.academies ?? []);
    if (!summary) throw new Error('incident not open at `at`');
    const next = applyDelta(base, { kind: 'incident', seq: 101, incident: summary });
    const fresh = buildMapState(input({ incidents: [record], seq: 101 }));
    expect(next.academies.map((a) => [a.academyId, a.severity, a.nationalSeverity])).toEqual(fresh.academies.map((a) => [a.academyId, a.severity, a.nationalSeverity]));
    expect(next.academies.every((a) => a.severity === 'normal' && a.nationalSeverity === 'panne')).toBe(true);
  });
});
