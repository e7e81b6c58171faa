import { describe, expect, test } from 'vitest';
import { createDetector } from '@/lib/detect/detector';
import { groupIncidents } from '@/lib/detect/incidents';
import { announceLateDetection, createLateBuckets, decisionKnownAt, noteBucket, pruneLateBuckets } from '@/lib/detect/late-data';
import { scoreSeriesEpisodes } from '@/bench/lib/detect-eval/series-scores';
import type { Episode } from '@/lib/detect/types';

const MIN = 60_000;
const T0 = Date.parse('2021-03-08T08:00:00Z');

// 3 hours at 1 reporter a minute with an outage (+8 a minute) from minute 120 to 140.
function run(knownAt: (i: number) => number | undefined): Episode[] {
  const detector = createDetector({ bucketMs: MIN });
  for (let i = 0; i < 180; i++) {
    const count = (i % 3 === 0 ? 2 : 1) + (i >= 120 && i < 140 ? 8 : 0);
    const known = knownAt(i);
    detector.step({ t: T0 + i * MIN, count, ...(known === undefined ? {} : { knownAt: known }) }, { mean: 4 / 3, dispersion: 0.05 });
  }
  return detector.episodes();
}

describe('late outbox batches placed at their observed minutes', () => {
  test('an outage seen on time is « détectée » at its minute, with no late mark', () => {
    const [episode] = run(() => undefined);
    expect(episode?.detectedAt).toBeGreaterThanOrEqual(T0 + 120 * MIN);
    expect(episode?.lateDetection).toBeUndefined();
  });

  test('the same outage known only when its batch arrived 40 minutes later says so: announced at the arrival', () => {
    const arrival = T0 + 180 * MIN;
    const [episode] = run((i) => (i >= 110 && i < 140 ? arrival : undefined));
    expect(episode?.detectedAt).toBeLessThan(T0 + 140 * MIN);
    expect(episode?.lateDetection).toEqual({ knownAt: arrival });
  });

  test('a batch 1 minute late is within the tolerance', () => {
    const [episode] = run((i) => (i >= 110 && i < 140 ? T0 + (i + 2) * MIN : undefined));
    expect(episode?.lateDetection).toBeUndefined();
  });

  test('a late batch two hours before the outage does not mark its on-time detection', () => {
    const [episode] = run((i) => (i < 5 ? T0 + 60 * MIN : undefined));
    expect(episode?.detectedAt).not.toBeNull();
    expect(episode?.lateDetection).toBeUndefined();
  });
});

describe('decisionKnownAt', () => {
  test('is the end of the deciding bucket unless a bucket it used was completed later', () => {
    const late = createLateBuckets();
    noteBucket(late, T0, MIN, T0 + 30 * MIN);
    noteBucket(late, T0 + MIN, MIN, T0 + 2 * MIN);
    expect(decisionKnownAt(late, T0, T0 + 5 * MIN, MIN)).toBe(T0 + 30 * MIN);
    expect(decisionKnownAt(late, T0 + MIN, T0 + 5 * MIN, MIN)).toBe(T0 + 6 * MIN);
    pruneLateBuckets(late, T0 + MIN);
    expect(decisionKnownAt(late, T0 - 10 * MIN, T0 + 5 * MIN, MIN)).toBe(T0 + 6 * MIN);
  });
});

describe('scoreSeriesEpisodes with late detections', () => {
  test('times a late « détectée » at its announcement and counts it', () => {
    const truth = { id: 'o', platformId: 'p', academies: 'national' as const, start: T0, end: T0 + 30 * MIN, extraPerMinute: 5 };
    const episode: Episode = { start: T0, possibleAt: T0, detectedAt: T0 + 2 * MIN, end: T0 + 30 * MIN, peakT: T0, peakCount: 9, level: 'detected', reporters: 90, maxScore: 12, lateDetection: { knownAt: T0 + 41 * MIN } };
    const scores = scoreSeriesEpisodes({
      scoped: [{ platformId: 'p', scope: 'national', episodes: [episode] }],
      truths: [truth],
      options: { windowEnd: T0 + 60 * MIN, seriesDays: 1, startSlackMs: 10 * MIN, endSlackMs: 30 * MIN, decisionLagMs: MIN },
    });
    expect(scores.detectedDelays).toEqual([41]);
    expect(scores.lateDetected).toBe(1);
  });
});

describe('announceLateDetection', () => {
  const base: Episode = { start: T0, possibleAt: T0, detectedAt: T0 + 2 * MIN, end: null, peakT: T0, peakCount: 9, level: 'detected', reporters: 90, maxScore: 12 };
  test('publishes a late « détectée » at its arrival and the incident says it was late', () => {
    const late = announceLateDetection({ ...base, lateDetection: { knownAt: T0 + 41 * MIN } }, MIN);
    expect(late.detectedAt).toBe(T0 + 40 * MIN);
    const [incident] = groupIncidents([{ platformId: 'p', scope: 'lyon', episodes: [late] }], 20 * MIN);
    expect(incident?.detectedAt).toBe(T0 + 40 * MIN);
    expect(incident?.detectedLate).toBe(true);
  });
  test('leaves an on-time « détectée » as it is', () => {
    expect(announceLateDetection(base, MIN)).toBe(base);
    const [incident] = groupIncidents([{ platformId: 'p', scope: 'lyon', episodes: [base] }], 20 * MIN);
    expect(incident?.detectedLate).toBeUndefined();
  });
});
