import type { DetectorPlan } from './detector-config';
import { isEpisodeConfirmed, isEpisodeDetected, type Trigger } from './escalation';
import { addToShape, emptyShapeSums, type ShapeSums } from './level-shift';
import { surpriseScore, upperTail } from './nb-test';
import type { AlarmLevel, CountPoint, Episode, Expectation } from './types';
import {
  addBucket,
  emptySums,
  historyIndex,
  windowExpectation,
  type History,
  type ScanResult,
} from './window-scan';

type OpenEpisode = { episode: Episode; lastHotT: number; quietRun: number; trigger: Trigger; shape: ShapeSums };

/** Episodes of one detector: the closed ones and the open one, if any. */
export type EpisodeTracker = { closed: Episode[]; open: OpenEpisode | null };

export function isHot(count: number, expected: Expectation, hotP: number): boolean {
  return count >= 1 && count > expected.mean && upperTail(count, expected) < hotP;
}

/** Buckets since the last closed episode ended: only they count as evidence for a new one. */
export function bucketsSinceLastEnd(tracker: EpisodeTracker, t: number, bucketMs: number): number {
  const end = tracker.closed.at(-1)?.end;
  return end === undefined || end === null ? Infinity : Math.floor((t - end) / bucketMs) + 1;
}

// The episode starts at the first hot bucket of the most surprising suffix ending now.
function backtrackStart(
  plan: DetectorPlan,
  history: History,
  dispersion: number,
  maxBuckets: number,
): number {
  const { config } = plan;
  const limit = Math.min(plan.backtrackBuckets, history.size, maxBuckets);
  const sums = emptySums();
  let bestAge = 0;
  let bestScore = -1;
  for (let age = 0; age < limit; age++) {
    addBucket(sums, history, age);
    const expected = windowExpectation(sums, dispersion, config.correlatedDispersionShare);
    const score = surpriseScore(sums.count, expected);
    if (score > bestScore) [bestScore, bestAge] = [score, age];
  }
  for (let age = bestAge; age > 0; age--) {
    const i = historyIndex(history, age);
    const expected = { mean: history.means[i] ?? 0, dispersion };
    if (isHot(history.counts[i] ?? 0, expected, config.hotBucketP)) return history.t[i] ?? 0;
  }
  return history.t[history.head] ?? 0;
}

// Reports of the buckets before the newest one, from `start` on.
function reportsBefore(history: History, start: number): number {
  let total = 0;
  for (let age = 1; age < history.size; age++) {
    const i = historyIndex(history, age);
    if ((history.t[i] ?? 0) < start) break;
    total += history.counts[i] ?? 0;
  }
  return total;
}

/** Opens an episode at the newest bucket, or reopens the last one if it ended within the gap. */
export function openEpisode(
  tracker: EpisodeTracker,
  plan: DetectorPlan,
  history: History,
  { t, scan, dispersion }: { t: number; scan: ScanResult; dispersion: number },
): OpenEpisode {
  const maxBuckets = bucketsSinceLastEnd(tracker, t, plan.config.bucketMs);
  const start = backtrackStart(plan, history, dispersion, maxBuckets);
  const trigger: Trigger = {
    score: scan.possibleScore,
    sums: scan.possibleSums ?? emptySums(),
    from: t + plan.config.bucketMs,
  };
  const previous = tracker.closed.at(-1);
  if (previous && !previous.levelShift && previous.end !== null && start - previous.end <= plan.mergeGapMs) {
    tracker.closed.pop();
    previous.reporters += reportsBefore(history, Math.max(start, previous.end));
    previous.end = null;
    return { episode: previous, lastHotT: t, quietRun: 0, trigger, shape: emptyShapeSums() };
  }
  const level: AlarmLevel = scan.detectedHit ? 'detected' : 'possible';
  const episode: Episode = {
    start,
    possibleAt: t,
    detectedAt: scan.detectedHit ? t : null,
    end: null,
    peakT: t,
    peakCount: 0,
    level,
    reporters: reportsBefore(history, start),
    maxScore: scan.score,
  };
  return { episode, lastHotT: t, quietRun: 0, trigger, shape: emptyShapeSums() };
}

/**
 * Adds the newest bucket to the open episode and closes it after enough quiet buckets; its end is
 * the end of its last hot bucket, not the time the closing was decided.
 */
export function advanceEpisode(
  tracker: EpisodeTracker,
  plan: DetectorPlan,
  input: { point: CountPoint; expected: Expectation; scan: ScanResult; history: History },
): AlarmLevel | null {
  const { point, expected, scan, history } = input;
  const open = tracker.open;
  if (!open) return null;
  const { episode } = open;
  const { config } = plan;
  const escalates =
    episode.level !== 'detected' &&
    (scan.detectedHit ||
      isEpisodeDetected(plan, history, episode, expected.dispersion) ||
      isEpisodeConfirmed(plan, history, {
        trigger: open.trigger,
        dispersion: expected.dispersion,
        reporters: episode.reporters + point.count,
      }));
  if (escalates) {
    episode.level = 'detected';
    episode.detectedAt = point.t;
  }
  episode.maxScore = Math.max(episode.maxScore, scan.score);
  episode.reporters += point.count;
  addToShape(open.shape, point.count, expected.mean);
  if (point.count > episode.peakCount) [episode.peakCount, episode.peakT] = [point.count, point.t];
  const active = scan.closeScore >= config.closeScore;
  if (active && isHot(point.count, expected, config.hotBucketP)) open.lastHotT = point.t;
  open.quietRun = active ? 0 : open.quietRun + 1;
  const level = episode.level;
  if (open.quietRun >= plan.quietBuckets) {
    episode.end = open.lastHotT + config.bucketMs;
    tracker.closed.push(episode);
    tracker.open = null;
  }
  return level;
}
