import { describe, expect, test } from 'vitest';
import { applyReportDelta } from '@/lib/series/live';
import type { SeriesPayload } from '@/lib/series/types';
import { foldDeltas } from '@/lib/live/fold';
import type { LiveDelta, StreamDelta } from '@/lib/map-state/types';

const FROM = Date.parse('2021-04-06T07:00:00Z');
const series = (over: Partial<SeriesPayload> = {}): SeriesPayload => ({
  platformId: 'pronote',
  academyId: null,
  from: new Date(FROM).toISOString(),
  to: new Date(FROM + 15 * 60_000).toISOString(),
  bucketMinutes: 5,
  t: [FROM, FROM + 300_000, FROM + 600_000],
  observed: [0, 1, 0],
  lines: [],
  band: null,
  totals: { reporters: 5, expected: null, peak: { t: FROM + 300_000, perMinute: 1 } },
  ...over,
});
const report = (over: Partial<Extract<LiveDelta, { kind: 'report' }>> = {}): StreamDelta =>
  foldDeltas([{ kind: 'report', seq: 1, at: '2021-04-06T07:11:30Z', platformId: 'pronote', academyId: 'lille', category: 'login', reporter: true, ...over }])[0] as StreamDelta;

describe('applyReportDelta', () => {
  test('a distinct reporter adds 1/bucket width to its bucket and to the total', () => {
    const next = applyReportDelta(series(), report());
    expect(next.observed).toEqual([0, 1, 0.2]);
    expect(next.totals.reporters).toBe(6);
    expect(next.totals.peak).toEqual({ t: FROM + 300_000, perMinute: 1 });
  });

  test('a new peak moves the peak; a tie keeps the earlier one', () => {
    const next = applyReportDelta(series({ bucketMinutes: 1, observed: [0, 1, 1] }), report({ at: '2021-04-06T07:00:10Z' }));
    expect(next.totals.peak).toEqual({ t: FROM + 300_000, perMinute: 1 });
    const again = applyReportDelta(next, report({ at: '2021-04-06T07:00:20Z' }));
    expect(again.totals.peak).toEqual({ t: FROM, perMinute: 2 });
  });

  test('the platform’s own line follows on a multi-platform (académie) series', () => {
    const s = series({ platformId: null, academyId: 'lille', lines: [{ id: 'pronote', values: [0, 0, 0] }, { id: 'cned', values: [0, 1, 0] }] });
    const next = applyReportDelta(s, report());
    expect(next.lines).toEqual([{ id: 'pronote', values: [0, 0, 0.2] }, { id: 'cned', values: [0, 1, 0] }]);
  });

  test.each([
    ['a repeat report of the same source', report({ reporter: false })],
    ['another platform', report({ platformId: 'cned' })],
    ['before the window', report({ at: '2021-04-06T06:59:59Z' })],
    ['after the window', report({ at: '2021-04-06T07:15:00Z' })],
    ['a resync', { kind: 'resync', seq: 2 } as StreamDelta],
  ])('ignores %s', (_name, delta) => {
    const s = series();
    expect(applyReportDelta(s, delta)).toBe(s);
  });

  test('an académie series ignores other académies', () => {
    const s = series({ academyId: 'paris' });
    expect(applyReportDelta(s, report())).toBe(s);
  });
});
