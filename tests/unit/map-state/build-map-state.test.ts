import { describe, expect, test } from 'vitest';
import { buildMapState, type BuildMapStateInput } from '@/lib/map-state/build-map-state';
import { at, incident, mapStateInput, min } from '@/tests/helpers/map-state-fixture';

/** The shared fixture as a finished (not live) picture: no counts, no sparklines. */
const input = (over: Partial<BuildMapStateInput> = {}): BuildMapStateInput =>
  mapStateInput({ live: false, counts: [], sparklines: new Map(), seq: 7, ...over });

const academy = (state: ReturnType<typeof buildMapState>, id: string) => state.academies.find((a) => a.academyId === id);
const platform = (state: ReturnType<typeof buildMapState>, id: string) => state.platforms.find((p) => p.platformId === id);

describe('buildMapState', () => {
  test('colours an académie from the incidents open at `at`, never from counts alone', () => {
    const state = buildMapState(input({
      counts: [{ platformId: 'pronote', academyId: 'paris', reports: 600, reporters: 500 }],
      incidents: [incident({ id: 'i1', platformId: 'cned', academies: [{ academyId: 'lille', joinedAt: min(-20) }] })],
    }));
    expect(academy(state, 'paris')).toMatchObject({ severity: 'normal', reporters: 500, reports: 600, incidentIds: [] });
    expect(academy(state, 'paris')?.intensity).toBeGreaterThan(0.5);
    expect(academy(state, 'lille')).toMatchObject({ severity: 'panne', incidentIds: ['i1'], reporters: 0 });
    expect(academy(state, 'versailles')).toMatchObject({ severity: 'normal', intensity: 0, platforms: [] });
  });

  test.each([
    ['raised before `at`', { level: 'detected', detectedAt: min(-15) }, 'panne', 'detected'],
    ['raised after `at`', { level: 'detected', detectedAt: min(5) }, 'perturbe', 'possible'],
    ['never raised', { level: 'possible', detectedAt: min(-18) }, 'perturbe', 'possible'],
  ] as const)('an incident %s counts as %s', (_, over, severity, level) => {
    const state = buildMapState(input({ incidents: [incident({ id: 'i1', platformId: 'cned', ...over, academies: [{ academyId: 'paris', joinedAt: min(-20) }] })] }));
    expect(academy(state, 'paris')?.severity).toBe(severity);
    expect(state.incidents[0]).toMatchObject({ level, endedAt: null, detectedAt: level === 'detected' ? min(-15).toISOString() : null });
  });

  test('rewinds incidents: not yet started, already ended and académies joined later are left out', () => {
    const state = buildMapState(input({
      incidents: [
        incident({ id: 'later', platformId: 'cned', startedAt: min(1), academies: [{ academyId: 'paris', joinedAt: min(1) }] }),
        incident({ id: 'ended', platformId: 'cned', endedAt: at, academies: [{ academyId: 'paris', joinedAt: min(-20) }] }),
        incident({ id: 'open', platformId: 'pronote', endedAt: min(30), academies: [{ academyId: 'lille', joinedAt: min(-20) }, { academyId: 'paris', joinedAt: min(10) }] }),
      ],
    }));
    expect(state.incidents.map((i) => [i.id, i.academies])).toEqual([['open', ['lille']]]);
    expect(academy(state, 'paris')?.severity).toBe('normal');
    expect(academy(state, 'lille')?.severity).toBe('panne');
  });

  test('a national incident covers every académie its platform serves, and only those', () => {
    const state = buildMapState(input({ incidents: [incident({ id: 'n', platformId: 'ent-hdf', national: true })] }));
    expect(state.incidents[0]?.academies).toEqual(['lille']);
    expect(academy(state, 'lille')?.severity).toBe('panne');
    expect(academy(state, 'paris')?.severity).toBe('normal');
    expect(platform(state, 'ent-hdf')).toMatchObject({ status: 'outage', national: true, academyCount: 1, since: min(-20).toISOString() });
  });

  test('with every platform, an académie takes its most severe platform and sums reporters and expectations', () => {
    const state = buildMapState(input({
      counts: [
        { platformId: 'pronote', academyId: 'paris', reports: 40, reporters: 30 },
        { platformId: 'cned', academyId: 'paris', reports: 12, reporters: 10 },
      ],
      incidents: [
        incident({ id: 'p', platformId: 'pronote', level: 'possible', academies: [{ academyId: 'paris', joinedAt: min(-20) }] }),
        incident({ id: 'c', platformId: 'cned', academies: [{ academyId: 'paris', joinedAt: min(-20) }] }),
      ],
    }));
    const paris = academy(state, 'paris');
    expect(paris).toMatchObject({ severity: 'panne', reporters: 40, reports: 52, expected: 24, incidentIds: ['c', 'p'], served: true });
    expect(paris?.platforms).toEqual([
      { platformId: 'cned', severity: 'panne', reporters: 10, expected: 4 },
      { platformId: 'pronote', severity: 'perturbe', reporters: 30, expected: 20 },
    ]);
    // Intensity of CNED (10 vs 4), not diluted by PRONOTE's volume.
    expect(paris?.intensity).toBeCloseTo(Math.log(10 / 4) / Math.log(20));
  });

  test('a platform filter narrows the académies but keeps every platform summary and incident', () => {
    const state = buildMapState(input({
      platformId: 'ent-hdf',
      counts: [{ platformId: 'pronote', academyId: 'paris', reports: 5, reporters: 5 }],
      incidents: [incident({ id: 'c', platformId: 'cned', academies: [{ academyId: 'paris', joinedAt: min(-20) }] })],
    }));
    expect(state.platformId).toBe('ent-hdf');
    expect(academy(state, 'paris')).toMatchObject({ severity: 'normal', reporters: 0, served: false, incidentIds: [] });
    expect(academy(state, 'lille')).toMatchObject({ served: true });
    expect(state.platforms.map((p) => p.platformId)).toEqual(['cned', 'pronote', 'ent-hdf']);
    expect(state.incidents).toHaveLength(1);
  });

  test('platform summaries: status, totals, sparkline, most severe first', () => {
    const sparkline = Array.from({ length: 36 }, (_, i) => i);
    const state = buildMapState(input({
      counts: [
        { platformId: 'pronote', academyId: 'paris', reports: 3, reporters: 3 },
        { platformId: 'pronote', academyId: 'lille', reports: 2, reporters: 1 },
      ],
      sparklines: new Map([['pronote', sparkline]]),
      incidents: [incident({ id: 'c', platformId: 'cned', level: 'possible', academies: [{ academyId: 'paris', joinedAt: min(-20) }] })],
    }));
    expect(state.platforms.map((p) => [p.platformId, p.status])).toEqual([['cned', 'degraded'], ['pronote', 'operational'], ['ent-hdf', 'operational']]);
    expect(platform(state, 'pronote')).toMatchObject({ reporters: 4, expected: 45, since: null, academyCount: 0, sparkline });
    expect(platform(state, 'ent-hdf')?.sparkline).toEqual(new Array(36).fill(0));
    expect(state).toMatchObject({ at: at.toISOString(), seq: 7, windowMinutes: 30, live: false, sparklineFrom: '2021-04-06T04:05:00.000Z' });
  });
});

describe('buildMapState: national outages apart', () => {
  const ALL = [
    { id: 'cned', academies: ['lille', 'paris', 'versailles'] },
    { id: 'ent-idf', academies: ['paris', 'versailles'] },
  ];
  const nationalMorning = (platformId: string | null) =>
    buildMapState(input({
      platforms: ALL,
      platformId,
      expected: new Map([['cned', new Map([['lille', 2], ['paris', 2], ['versailles', 2]])], ['ent-idf', new Map([['paris', 1], ['versailles', 1]])]]),
      counts: [
        { platformId: 'cned', academyId: 'lille', reports: 30, reporters: 20 },
        { platformId: 'cned', academyId: 'paris', reports: 30, reporters: 20 },
        { platformId: 'cned', academyId: 'versailles', reports: 30, reporters: 20 },
        { platformId: 'ent-idf', academyId: 'paris', reports: 40, reporters: 30 },
      ],
      incidents: [
        incident({ id: 'n', platformId: 'cned', national: true }),
        incident({ id: 'r', platformId: 'ent-idf', academies: [{ academyId: 'paris', joinedAt: min(-20) }] }),
      ],
    }));

  test('with every service, académies show what is wrong there beyond the national outage', () => {
    const state = nationalMorning(null);
    expect(academy(state, 'paris')).toMatchObject({ severity: 'panne', nationalSeverity: 'panne' });
    expect(academy(state, 'lille')).toMatchObject({ severity: 'normal', nationalSeverity: 'panne', incidentIds: ['n'] });
    expect(academy(state, 'lille')?.platforms).toEqual([{ platformId: 'cned', severity: 'panne', reporters: 20, expected: 2, national: true, standsOut: false }]);
  });

  test('with the national service chosen, every académie it serves is in outage', () => {
    const state = nationalMorning('cned');
    expect(state.academies.map((a) => a.severity)).toEqual(['panne', 'panne', 'panne']);
  });
});
