import { describe, expect, test } from 'vitest';
import { isMapState, parseDelta } from '@/lib/live-client/parse-delta';

const report = {
  kind: 'counts',
  seq: 1_700_000_000_000_001,
  first: 1_699_999_999_000_001,
  at: '2021-04-06T07:02:00.000Z',
  since: '2021-04-06T07:01:00.000Z',
  cells: [['pronote', 'paris', 'login', 26_955_481, 3, 2]],
};
const incident = {
  kind: 'incident',
  seq: 5,
  incident: { id: 'i1', platformId: 'cned', level: 'detected', startedAt: '2021-04-06T07:02:00.000Z', detectedAt: null, endedAt: null, national: true, academies: ['lille'] },
};

describe('parseDelta', () => {
  test('accepts the three kinds of delta and keeps only their known fields', () => {
    expect(parseDelta(JSON.stringify({ ...report, extra: 'x' }))).toEqual(report);
    expect(parseDelta(JSON.stringify(incident))).toEqual(incident);
    expect(parseDelta('{"kind":"resync","seq":9}')).toEqual({ kind: 'resync', seq: 9 });
  });

  test.each([
    ['not JSON', 'ping'],
    ['no seq', JSON.stringify({ ...report, seq: undefined })],
    ['negative seq', JSON.stringify({ ...report, seq: -1 })],
    ['unknown kind', JSON.stringify({ kind: 'hello', seq: 1 })],
    ['bad time', JSON.stringify({ ...report, at: 'hier' })],
    ['first after seq', JSON.stringify({ ...report, first: report.seq + 1 })],
    ['a cell with an unknown category', JSON.stringify({ ...report, cells: [['pronote', 'paris', 'bored', 1, 1, 1]] })],
    ['a cell with more reporters than reports', JSON.stringify({ ...report, cells: [['pronote', 'paris', 'login', 1, 1, 2]] })],
    ['a cell of the wrong length', JSON.stringify({ ...report, cells: [['pronote', 'paris', 'login', 1, 1]] })],
    ['a single report (not sent by the stream)', JSON.stringify({ kind: 'report', seq: 1, at: report.at, platformId: 'pronote', academyId: 'paris', category: 'login', reporter: true })],
    ['incident without academies', JSON.stringify({ ...incident, incident: { ...incident.incident, academies: 'lille' } })],
    ['incident with an unknown level', JSON.stringify({ ...incident, incident: { ...incident.incident, level: 'bad' } })],
  ])('rejects %s', (_, text) => {
    expect(parseDelta(text)).toBeNull();
  });
});

describe('isMapState', () => {
  test('tells a state from an error body', () => {
    expect(isMapState({ seq: 1, at: '2021-04-06T07:02:00.000Z', live: true, academies: [], platforms: [], incidents: [] })).toBe(true);
    expect(isMapState({ error: { code: 'unavailable', message: '…' } })).toBe(false);
    expect(isMapState(null)).toBe(false);
  });
});
