import { planDetector, type DetectorOptions } from './detector-config';
import {
  advanceEpisode,
  bucketsSinceLastEnd,
  openEpisode,
  type EpisodeTracker,
} from './episode-tracker';
import { createLateBuckets, decisionKnownAt, noteBucket, pruneLateBuckets } from './late-data';
import { createShiftWindow, levelShiftFactor, pushShiftWindow, resetShiftWindow, unquietSince, windowLevelShift } from './level-shift';
import type { Alarm, CountPoint, Episode, Expectation, Level } from './types';
import { createHistory, pushHistory, scanWindows, type History } from './window-scan';

export type StepResult = { level: Level; score: number };

export type Detector = {
  /** Feeds the next bucket (strictly increasing t); the decision uses buckets up to t only. */
  step: (point: CountPoint, expected: Expectation) => StepResult;
  /** Closed episodes followed by the open one, if any (copies). */
  episodes: () => Episode[];
};

/**
 * Causal streaming detector over one series of distinct-reporter counts: multi-window NB tests,
 * absolute minimum of reporters, hysteresis (open on 'possible', close after quiet buckets) and
 * merging of episodes a few minutes apart. A 'possible' episode escalates to 'detected' on a
 * detected-level window, on its whole accumulated counts, or by sequential confirmation (the
 * counts after its trigger, see escalation.ts). Level is the open episode's (sticky) level. An
 * episode that lasts LEVEL_SHIFT_MINUTES and follows the baseline's shape times a factor is closed
 * as a change of level (flagged, see level-shift.ts) and the factor is adopted from then on.
 */
export function createDetector(options: DetectorOptions): Detector {
  const plan = planDetector(options);
  const { bucketMs } = plan.config;
  const history = createHistory(plan.backtrackBuckets);
  const tracker: EpisodeTracker = { closed: [], open: null };
  const levelShiftMs = plan.config.levelShiftMinutes * 60_000;
  const late = createLateBuckets();
  const shiftWindow = createShiftWindow(Number.isFinite(levelShiftMs) ? Math.max(1, Math.round(levelShiftMs / bucketMs)) : 1);
  let lastT = -Infinity;
  let level = 1;

  function step(point: CountPoint, given: Expectation): StepResult {
    if (point.t <= lastT)
      throw new Error(`Detector points must move forward in time (t=${point.t})`);
    lastT = point.t;
    const wasDetected = tracker.open?.episode.level === 'detected';
    const hadOpen = tracker.open !== null;
    noteBucket(late, point.t, bucketMs, point.knownAt);
    const expected = level === 1 ? given : { ...given, mean: given.mean * level };
    pushHistory(history, point.t, point.count, expected);
    const maxBuckets = tracker.open ? Infinity : bucketsSinceLastEnd(tracker, point.t, bucketMs);
    const scan = scanWindows(plan, history, expected.dispersion, maxBuckets);
    if (!tracker.open && scan.possibleHit) {
      tracker.open = openEpisode(tracker, plan, history, {
        t: point.t,
        scan,
        dispersion: expected.dispersion,
      });
    }
    const decided = advanceEpisode(tracker, plan, { point, expected, scan, history }) ?? 'normal';
    const current = tracker.open?.episode ?? tracker.closed.at(-1);
    if (current && !wasDetected && current.detectedAt === point.t) markLate(current, point.t);
    pruneLateBuckets(late, Math.min(tracker.open?.episode.start ?? Infinity, point.t - plan.backtrackBuckets * bucketMs));
    const open = tracker.open;
    if (!hadOpen && open) unquietSince(shiftWindow, open.episode.start);
    pushShiftWindow(shiftWindow, { t: point.t, count: point.count, mean: expected.mean }, !hadOpen && !open);
    if (open && Number.isFinite(levelShiftMs)) {
      const factor = point.t - open.episode.start >= levelShiftMs ? levelShiftFactor(open.shape) : recurring(point.t, open.episode.start) ? windowLevelShift(shiftWindow) : null;
      if (factor !== null) {
        open.episode.levelShift = { factor, at: point.t };
        open.episode.end = point.t + bucketMs;
        tracker.closed.push(open.episode);
        tracker.open = null;
        level *= factor;
        rescaleHistory(history, factor);
        resetShiftWindow(shiftWindow);
        return { level: 'normal', score: scan.score };
      }
    }
    return { level: decided, score: scan.score };
  }

  // Across episodes only when this one repeats another ended within 2 × LEVEL_SHIFT_MINUTES or has lasted half of
  // LEVEL_SHIFT_MINUTES: the first minutes of a lone episode may be an outage's onset.
  function recurring(t: number, start: number): boolean {
    const previous = tracker.closed.at(-1);
    if (t - start >= levelShiftMs / 2) return true;
    return previous !== undefined && !previous.levelShift && previous.end !== null && previous.end >= t - 2 * levelShiftMs;
  }

  // A « détectée » that used buckets completed by late reports is announced when they arrived.
  function markLate(episode: Episode, t: number): void {
    const since = Math.min(episode.start, t - plan.backtrackBuckets * bucketMs);
    const knownAt = decisionKnownAt(late, since, t, bucketMs);
    if (knownAt > t + bucketMs) episode.lateDetection = { knownAt };
  }

  function episodes(): Episode[] {
    const all = tracker.open ? [...tracker.closed, tracker.open.episode] : tracker.closed;
    return all.map((episode) => ({ ...episode }));
  }

  return { step, episodes };
}

// After a change of level the past buckets are judged against the new level too.
function rescaleHistory(history: History, factor: number): void {
  for (let i = 0; i < history.capacity; i++) {
    history.means[i] = (history.means[i] ?? 0) * factor;
    history.meanUncertainty[i] = (history.meanUncertainty[i] ?? 0) * factor;
  }
}

export type DetectSeriesInput = {
  series: readonly CountPoint[];
  /** One expectation per point (same order), or a function of the bucket start. */
  expected: readonly Expectation[] | ((t: number) => Expectation);
  bucketMs: number;
  config?: Partial<DetectorOptions>;
};

/** Runs the streaming detector over a whole series; one alarm per episode, dated at its start. */
export function detectSeries(input: DetectSeriesInput): { episodes: Episode[]; alarms: Alarm[] } {
  const { series, expected, bucketMs } = input;
  const detector = createDetector({ ...input.config, bucketMs });
  series.forEach((point, i) => {
    const expectation = typeof expected === 'function' ? expected(point.t) : expected[i];
    if (!expectation) throw new Error(`Missing expectation for bucket ${i}`);
    detector.step(point, expectation);
  });
  const episodes = detector.episodes();
  const alarms = episodes.map((episode) => ({
    t: episode.start,
    score: episode.maxScore,
    level: episode.level,
  }));
  return { episodes, alarms };
}
