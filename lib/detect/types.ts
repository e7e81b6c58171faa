import type { AlarmLevel, Level } from '@/lib/domain/detection';

/**
 * One bucket of a series: its start (epoch ms, UTC) and the distinct reporters in it; knownAt = when
 * its count was last revised (epoch ms), when later than its end (late reports placed at their
 * observed minute).
 */
export type CountPoint = { t: number; count: number; knownAt?: number };

/**
 * Expected distinct reporters in one bucket: negative binomial with var = mean + dispersion·mean².
 * uncertainty = relative variance of the mean estimate itself, shared by neighbouring buckets (so
 * it does not average out over a window); 0 when omitted.
 */
export type Expectation = { mean: number; dispersion: number; uncertainty?: number };

export type { AlarmLevel, Level };

export type Alarm = { t: number; score: number; level: AlarmLevel };

export type Episode = {
  start: number;
  possibleAt: number | null;
  detectedAt: number | null;
  end: number | null;
  peakT: number;
  peakCount: number;
  level: AlarmLevel;
  reporters: number;
  maxScore: number;
  /**
   * Set when the detector judged the episode a lasting change of level (it then re-learned the
   * level): for moderators to review, not an outage on the public map.
   */
  levelShift?: { factor: number; at: number };
  /**
   * Set when « détectée » at detectedAt relied on buckets completed later by late reports: it could
   * only be announced at knownAt (epoch ms), and says so rather than claim an earlier detection.
   */
  lateDetection?: { knownAt: number };
};
