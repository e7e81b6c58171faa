import { bucketStart } from './bucket';
import type { CountPoint } from './types';

export type ReportEvent = {
  t: number;
  platformId: string;
  academyId: string | null;
  source: string;
};

const HOUR_MS = 3_600_000;

/**
 * Keeps the first report of each source per platform per hour (Downdetector-style), so one device
 * repeating its report counts once. The hour is a sliding window from that first report. Input in
 * any order; output sorted by time.
 */
export function keepFirstReportPerSource<T extends ReportEvent>(
  reports: readonly T[],
  windowMs: number = HOUR_MS,
): T[] {
  const sorted = [...reports].sort((a, b) => a.t - b.t);
  const lastCounted = new Map<string, number>();
  const kept: T[] = [];
  for (const report of sorted) {
    const key = `${report.platformId}\u0000${report.source}`;
    const previous = lastCounted.get(key);
    if (previous !== undefined && report.t - previous < windowMs) continue;
    lastCounted.set(key, report.t);
    kept.push(report);
  }
  return kept;
}

/**
 * Distinct reporters per bucket, keyed by `${platformId}|${academyId ?? 'national'}` and, when
 * withNational, also `${platformId}|national` summing all académies. Buckets are epoch-aligned.
 */
export function countDistinctReporters({
  reports,
  bucketMs,
  withNational = true,
}: {
  reports: readonly ReportEvent[];
  bucketMs: number;
  withNational?: boolean;
}): Map<string, CountPoint[]> {
  const buckets = new Map<string, Map<number, number>>();
  function add(key: string, t: number): void {
    let series = buckets.get(key);
    if (!series) {
      series = new Map();
      buckets.set(key, series);
    }
    series.set(t, (series.get(t) ?? 0) + 1);
  }
  for (const report of keepFirstReportPerSource(reports)) {
    const t = bucketStart(report.t, bucketMs);
    if (report.academyId !== null) add(`${report.platformId}|${report.academyId}`, t);
    if (withNational || report.academyId === null) add(`${report.platformId}|national`, t);
  }
  const result = new Map<string, CountPoint[]>();
  for (const [key, series] of buckets) {
    const points = [...series].map(([t, count]) => ({ t, count }));
    result.set(
      key,
      points.sort((a, b) => a.t - b.t),
    );
  }
  return result;
}
