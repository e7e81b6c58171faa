import type { DetectorPlan } from './detector-config';
import { surpriseScore } from './nb-test';
import type { Episode } from './types';
import {
  baselineFactorGiven,
  sharedRelativeSd,
  sumsSince,
  windowExpectation,
  type History,
  type WindowSums,
} from './window-scan';

/**
 * Evidence that raised an episode to 'possible': its score, the sums of its window and the first
 * bucket after it (the data from `from` on can confirm it).
 */
export type Trigger = { score: number; sums: WindowSums; from: number };

/** Whole-episode evidence: everything since the episode's start is significant at 'detected'. */
export function isEpisodeDetected(
  plan: DetectorPlan,
  history: History,
  episode: Episode,
  dispersion: number,
): boolean {
  const { config } = plan;
  const sums = sumsSince(history, episode.start);
  const expected = windowExpectation(sums, dispersion, config.correlatedDispersionShare);
  return (
    sums.count >= config.minReportersDetected &&
    sums.count >=
      Math.max(config.minRatioDetected, 1 + config.ratioSdDetected * sharedRelativeSd(sums, dispersion, config.correlatedDispersionShare)) * sums.mean &&
    surpriseScore(sums.count, expected) >= config.detectedScore
  );
}

/**
 * Sequential confirmation of a 'possible' episode, for slow ramps whose short windows never get
 * extreme. The buckets after the trigger carry new evidence: with independent per-bucket noise,
 * the trigger's p-value and theirs (one NB test on everything since the trigger) multiply, so the
 * episode escalates when the two scores add up to the detected level, with the confirming data
 * significant on their own (confirmScore) and the episode holding minReportersDetected reporters.
 * The noise is not independent when the baseline itself is off (a stand-in baseline on the first
 * school day, say): persistence cannot tell a k-fold outage from a baseline k times too low. So
 * the confirming data must also be minRatioDetected times the baseline as re-estimated from the
 * trigger's own counts (baselineFactorGiven): an exact baseline barely moves, an uncertain one
 * rises and no longer lets persistence alone escalate.
 */
export function isEpisodeConfirmed(
  plan: DetectorPlan,
  history: History,
  input: { trigger: Trigger; dispersion: number; reporters: number },
): boolean {
  const { config } = plan;
  const { trigger, dispersion } = input;
  const share = config.correlatedDispersionShare;
  if (input.reporters < config.minReportersDetected) return false;
  const sums = sumsSince(history, trigger.from);
  const factor = baselineFactorGiven(trigger.sums, dispersion, share);
  if (sums.count < 1 || sums.count < config.minRatioDetected * factor * sums.mean) return false;
  const score = surpriseScore(sums.count, windowExpectation(sums, dispersion, share));
  return score >= config.confirmScore && trigger.score + score >= config.detectedScore;
}
