import type { StreamDelta } from '@/lib/map-state/types';
import type { SeriesPayload } from './types';

const MINUTE_MS = 60_000;

/** One distinct reporter at instant `at` (epoch ms) added to the series, if it belongs there. */
function addReporter(series: SeriesPayload, platformId: string, academyId: string, at: number): SeriesPayload {
  if (series.platformId && platformId !== series.platformId) return series;
  if (series.academyId && academyId !== series.academyId) return series;
  const from = Date.parse(series.from);
  const i = Math.floor((at - from) / (series.bucketMinutes * MINUTE_MS));
  if (!(i >= 0 && i < series.t.length)) return series;
  const step = 1 / series.bucketMinutes;
  const observed = series.observed.slice();
  observed[i] = (observed[i] ?? 0) + step;
  const lines = series.lines.map((line) => {
    if (line.id !== platformId) return line;
    const values = line.values.slice();
    values[i] = (values[i] ?? 0) + step;
    return { ...line, values };
  });
  const value = observed[i] ?? 0;
  const peak = series.totals.peak && series.totals.peak.perMinute >= value ? series.totals.peak : { t: series.t[i] ?? at, perMinute: value };
  return { ...series, observed, lines, totals: { ...series.totals, reporters: series.totals.reporters + 1, peak } };
}

/**
 * Live reports (a counts frame) added to a series in place of a refetch: only distinct reporters
 * count (as the minute counters do), only for the series' platform and académie, only inside its
 * window (buckets start on a minute, so the cell's minute places them). Returns the same object when
 * the delta does not change the series.
 */
export function applyReportDelta(series: SeriesPayload, delta: StreamDelta): SeriesPayload {
  if (delta.kind !== 'counts') return series;
  let next = series;
  for (const [platformId, academyId, , minute, , reporters] of delta.cells) {
    for (let n = 0; n < reporters; n += 1) next = addReporter(next, platformId, academyId, minute * MINUTE_MS);
  }
  return next;
}
