import type { LiveDelta } from '@/lib/map-state/types';
import type { SeriesPayload } from './types';

const MINUTE_MS = 60_000;

/**
 * A live report added to a series in place of a refetch: only a distinct reporter counts (as the
 * minute counters do), only for the series' platform and académie, only inside its window.
 * Returns the same object when the delta does not change the series.
 */
export function applyReportDelta(series: SeriesPayload, delta: LiveDelta): SeriesPayload {
  if (delta.kind !== 'report' || !delta.reporter) return series;
  if (series.platformId && delta.platformId !== series.platformId) return series;
  if (series.academyId && delta.academyId !== series.academyId) return series;
  const at = Date.parse(delta.at);
  const from = Date.parse(series.from);
  const i = Math.floor((at - from) / (series.bucketMinutes * MINUTE_MS));
  if (!(i >= 0 && i < series.t.length)) return series;
  const step = 1 / series.bucketMinutes;
  const observed = series.observed.slice();
  observed[i] = (observed[i] ?? 0) + step;
  const lines = series.lines.map((line) => {
    if (line.id !== delta.platformId) return line;
    const values = line.values.slice();
    values[i] = (values[i] ?? 0) + step;
    return { ...line, values };
  });
  const value = observed[i] ?? 0;
  const peak = series.totals.peak && series.totals.peak.perMinute >= value ? series.totals.peak : { t: series.t[i] ?? at, perMinute: value };
  return { ...series, observed, lines, totals: { ...series.totals, reporters: series.totals.reporters + 1, peak } };
}
