/**
 * A chart series as sent to the browser (server component props and GET /api/series).
 * Values are distinct reporters per minute, averaged over each bucket; times are epoch ms (UTC).
 */
export type SeriesLine = { id: string; values: number[] };

export type SeriesBand = {
  /** Expected reporters per minute from the stored baselines. */
  expected: number[];
  /** Usual range (about 95 %): expected ± 2 standard deviations, floored at 0. */
  low: number[];
  high: number[];
  /** When the baselines used were learned (ISO), oldest first; null if none stored. */
  learnedAt: string | null;
  /** True when a baseline is the no-history fallback (flat, generous). */
  fallback: boolean;
};

export type SeriesPayload = {
  platformId: string | null;
  academyId: string | null;
  /** ISO instants of the window [from, to). */
  from: string;
  to: string;
  bucketMinutes: number;
  /** Start of each bucket (epoch ms). */
  t: number[];
  /** Observed distinct reporters per minute (all platforms summed when platformId is null). */
  observed: number[];
  /** Per-platform lines when the series covers several platforms (busiest first, at most a few). */
  lines: SeriesLine[];
  /** null when no baseline is stored yet for the platform(s). */
  band: SeriesBand | null;
  totals: { reporters: number; expected: number | null; peak: { t: number; perMinute: number } | null };
};
