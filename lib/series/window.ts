import { addDays, zonedMidnight } from '@/lib/calendar/time-zones';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Bucket widths a chart may use, in minutes (closed set: each divides the next coarser ones' day). */
export const BUCKET_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120] as const;
export type BucketMinutes = (typeof BUCKET_MINUTES)[number];

/** Most buckets drawn in one chart: enough detail, small JSON. */
export const MAX_POINTS = 400;
/** Longest window a chart or the series endpoint serves. */
export const MAX_WINDOW_DAYS = 31;

export const WINDOW_PRESETS = ['3h', '24h', '7j'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];
export const DEFAULT_PRESET: WindowPreset = '24h';

const PRESET_MS: Record<WindowPreset, number> = { '3h': 3 * HOUR_MS, '24h': DAY_MS, '7j': 7 * DAY_MS };

/** A chart window: [from, to) in epoch ms, aligned on its bucket width. */
export type SeriesWindow = { from: number; to: number; bucketMinutes: BucketMinutes };

/** The narrowest bucket that keeps a range of `rangeMs` within MAX_POINTS buckets. */
export function chooseBucketMinutes(rangeMs: number): BucketMinutes {
  for (const minutes of BUCKET_MINUTES) {
    if (rangeMs / (minutes * MINUTE_MS) <= MAX_POINTS) return minutes;
  }
  return BUCKET_MINUTES[BUCKET_MINUTES.length - 1] ?? 120;
}

/** [from, to) widened outward to whole buckets of the width chosen for its length. */
export function alignWindow(from: number, to: number): SeriesWindow {
  const bucketMinutes = chooseBucketMinutes(to - from);
  const bucketMs = bucketMinutes * MINUTE_MS;
  const alignedFrom = Math.floor(from / bucketMs) * bucketMs;
  const alignedTo = Math.max(alignedFrom + bucketMs, Math.ceil(to / bucketMs) * bucketMs);
  return { from: alignedFrom, to: alignedTo, bucketMinutes };
}

/** The last `preset` before `now` (epoch ms), ending on the next minute so the current one shows. */
export function presetWindow(preset: WindowPreset, now: number): SeriesWindow {
  const end = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  return alignWindow(end - PRESET_MS[preset], end);
}

/** One whole local calendar day (00:00 to the next 00:00, 23 or 25 hours on clock changes). */
export function dayWindow(date: string, timeZone: string): SeriesWindow {
  return alignWindow(zonedMidnight(date, timeZone), zonedMidnight(addDays(date, 1), timeZone));
}

/** Window around an incident: an hour before its start to an hour after its end (or `now`). */
export function incidentWindow(startedAt: number, endedAt: number | null, now: number): SeriesWindow {
  const end = Math.min(Math.max(endedAt ?? now, startedAt) + HOUR_MS, Math.max(now, startedAt + HOUR_MS));
  const from = Math.max(startedAt - HOUR_MS, end - MAX_WINDOW_DAYS * DAY_MS);
  return alignWindow(from, end);
}
