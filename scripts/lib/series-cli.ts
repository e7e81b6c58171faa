import { localDateOf, NATIONAL_ACADEMY_ID } from '@/lib/calendar/day-type';
import { createFallbackBaseline, expectedAt, learnBaseline, type BaselineModel } from '@/lib/detect/baseline';
import { detectBucketMs, fillBuckets } from '@/lib/detect/bucket';
import { detectSeries } from '@/lib/detect/detector';
import { parseSeriesCsv } from './series-csv';
import { MAX_HISTORY_DAYS, MIN_HISTORY_DAYS } from '@/lib/detect/thresholds';
import type { CountPoint, Expectation } from '@/lib/detect/types';

export type CliAlarm = { timestamp: string; score: number; level: 'possible' | 'detected' };

const DAY_MS = 86_400_000;
const DEFAULT_BUCKET_MS = 60_000;

// Relearned at the first bucket of each local day, from the buckets before it only (causal).
function rollingExpectations(
  series: CountPoint[],
  bucketMs: number,
  academyId: string,
): Expectation[] {
  const minBuckets = Math.ceil((MIN_HISTORY_DAYS * DAY_MS) / bucketMs);
  const maxBuckets = Math.ceil((MAX_HISTORY_DAYS * DAY_MS) / bucketMs);
  const fallback = createFallbackBaseline(academyId);
  let model: BaselineModel = fallback;
  let day = '';
  return series.map((point, i) => {
    const today = localDateOf(point.t, academyId);
    if (today !== day) {
      day = today;
      const from = Math.max(0, i - maxBuckets);
      const first = series[from];
      model =
        i >= minBuckets && first
          ? learnBaseline({
              history: { t0: first.t, bucketMs, counts: series.slice(from, i).map((p) => p.count) },
              academyId,
            })
          : fallback;
    }
    return expectedAt(model, point.t, bucketMs);
  });
}

/**
 * Runs the production detector on a series with a causal rolling baseline (relearned each local
 * day from the days before it); one alarm per episode, at its start.
 */
export function detectRegularSeries({
  points,
  academyId = NATIONAL_ACADEMY_ID,
}: {
  points: readonly CountPoint[];
  academyId?: string;
}): CliAlarm[] {
  const bucketMs = detectBucketMs(points.map((p) => p.t)) ?? DEFAULT_BUCKET_MS;
  const series = fillBuckets(points, bucketMs);
  const expected = rollingExpectations(series, bucketMs, academyId);
  const { alarms } = detectSeries({ series, expected, bucketMs });
  return alarms.map((alarm) => ({
    timestamp: new Date(alarm.t).toISOString(),
    score: Math.round(alarm.score * 100) / 100,
    level: alarm.level,
  }));
}

/** CSV text (`timestamp,count` rows) → alarms; throws SeriesCsvError on a bad file or row. */
export function detectCsvSeries(text: string, options: { academyId?: string } = {}): CliAlarm[] {
  return detectRegularSeries({ points: parseSeriesCsv(text), ...options });
}
