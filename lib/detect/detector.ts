import { planDetector, type DetectorOptions } from './detector-config';
import {
  advanceEpisode,
  bucketsSinceLastEnd,
  openEpisode,
  type EpisodeTracker,
} from './episode-tracker';
import type { Alarm, CountPoint, Episode, Expectation, Level } from './types';
import { createHistory, pushHistory, scanWindows } from './window-scan';

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
 * counts after its trigger, see escalation.ts). Level is the open episode's (sticky) level.
 */
export function createDetector(options: DetectorOptions): Detector {
  const plan = planDetector(options);
  const { bucketMs } = plan.config;
  const history = createHistory(plan.backtrackBuckets);
  const tracker: EpisodeTracker = { closed: [], open: null };
  let lastT = -Infinity;

  function step(point: CountPoint, expected: Expectation): StepResult {
    if (point.t <= lastT)
      throw new Error(`Detector points must move forward in time (t=${point.t})`);
    lastT = point.t;
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
    const level = advanceEpisode(tracker, plan, { point, expected, scan, history }) ?? 'normal';
    return { level, score: scan.score };
  }

  function episodes(): Episode[] {
    const all = tracker.open ? [...tracker.closed, tracker.open.episode] : tracker.closed;
    return all.map((episode) => ({ ...episode }));
  }

  return { step, episodes };
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
