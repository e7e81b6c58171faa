import { quantile, type TruthOutage } from './evaluation';
import type { ScopedEpisodes } from '@/lib/detect/incidents';

/** How one detector did on one run: per-series false alarms and per-outage delays (minutes). */
export type SeriesScores = {
  outages: number;
  found: number;
  detectedDelays: number[];
  falseDetected: number;
  falsePossible: number;
  /**
   * Episodes the detector set aside as level shifts (for moderators). Those overlapping no outage
   * still count as false alarms: they were on the map until set aside.
   */
  levelShifts: number;
  /** « Détectée » that relied on late reports, announced (and timed) when they arrived. */
  lateDetected: number;
  seriesDays: number;
};

export type ScoreOptions = {
  windowEnd: number;
  seriesDays: number;
  startSlackMs: number;
  endSlackMs: number;
  /** A decision on bucket t is known at t + decisionLagMs. */
  decisionLagMs: number;
};

const MINUTE_MS = 60_000;

function covers(truth: TruthOutage, platformId: string, scope: string): boolean {
  if (truth.platformId !== platformId) return false;
  return truth.academies === 'national' || scope === 'national' || truth.academies.includes(scope);
}

/**
 * Scores series episodes against injected outages. An outage is found when an episode of a
 * series it covers reaches 'detected' in [start − slack, end + slack]; any episode overlapping no
 * outage is false ('possible' = reached at least 'possible', 'detected' = reached 'detected').
 */
export function scoreSeriesEpisodes(input: {
  scoped: readonly ScopedEpisodes[];
  truths: readonly TruthOutage[];
  options: ScoreOptions;
}): SeriesScores {
  const { scoped, truths, options } = input;
  const firstDetected = new Map<TruthOutage, number>();
  let falseDetected = 0;
  let falsePossible = 0;
  let levelShifts = 0;
  let lateDetected = 0;
  for (const { platformId, scope, episodes } of scoped) {
    for (const episode of episodes) {
      if (episode.levelShift) levelShifts += 1;
      if (episode.lateDetection) lateDetected += 1;
      const end = episode.end ?? options.windowEnd;
      const matches = truths.filter(
        (truth) =>
          covers(truth, platformId, scope) &&
          episode.start <= truth.end + options.endSlackMs &&
          end >= truth.start - options.startSlackMs,
      );
      if (matches.length === 0) {
        falsePossible += 1;
        if (episode.detectedAt !== null) falseDetected += 1;
        continue;
      }
      if (episode.detectedAt === null) continue;
      const announced = Math.max(episode.detectedAt, (episode.lateDetection?.knownAt ?? 0) - options.decisionLagMs);
      for (const truth of matches) {
        const known = firstDetected.get(truth);
        if (known === undefined || announced < known) firstDetected.set(truth, announced);
      }
    }
  }
  const detectedDelays = [...firstDetected].map(
    ([truth, at]) => (at + options.decisionLagMs - truth.start) / MINUTE_MS,
  );
  return {
    outages: truths.length,
    found: firstDetected.size,
    detectedDelays,
    falseDetected,
    falsePossible,
    levelShifts,
    lateDetected,
    seriesDays: options.seriesDays,
  };
}

/** Several runs' scores added up. */
export function mergeScores(scores: readonly SeriesScores[]): SeriesScores {
  return {
    outages: scores.reduce((n, s) => n + s.outages, 0),
    found: scores.reduce((n, s) => n + s.found, 0),
    detectedDelays: scores.flatMap((s) => s.detectedDelays),
    falseDetected: scores.reduce((n, s) => n + s.falseDetected, 0),
    falsePossible: scores.reduce((n, s) => n + s.falsePossible, 0),
    levelShifts: scores.reduce((n, s) => n + s.levelShifts, 0),
    lateDetected: scores.reduce((n, s) => n + s.lateDetected, 0),
    seriesDays: scores.reduce((n, s) => n + s.seriesDays, 0),
  };
}

/** The readable figures: found / injected, delay median and p95, false rates. */
export function summarizeScores(scores: SeriesScores): {
  found: string;
  delayMedian: number | null;
  delayP95: number | null;
  falseDetectedPer100SeriesDays: number;
  falsePossiblePerSeriesDay: number;
} {
  const days = Math.max(1, scores.seriesDays);
  return {
    found: `${scores.found} / ${scores.outages}`,
    delayMedian: quantile(scores.detectedDelays, 0.5),
    delayP95: quantile(scores.detectedDelays, 0.95),
    falseDetectedPer100SeriesDays: (100 * scores.falseDetected) / days,
    falsePossiblePerSeriesDay: scores.falsePossible / days,
  };
}
