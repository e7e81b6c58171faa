// Baseline learning.
/** Width of the local time-of-day slots of the baseline, in minutes. */
export const BASELINE_SLOT_MINUTES = 15;
/** Share of the highest slot-days dropped for the first robust estimate of a cell. */
export const BASELINE_TRIM_FRACTION = 0.1;
/** A slot-day total less likely than this under the current estimate is a past outage. */
export const BASELINE_EXCLUDE_P = 1e-3;
export const BASELINE_EXCLUDE_DISPERSION = 0.3;
export const BASELINE_ROBUST_ITERATIONS = 3;
/** A slot without a prior pools neighbouring slots until it holds this many reports... */
export const SHAPE_MIN_COUNTS = 20;
/** ...or this many slots on each side. */
export const SHAPE_MAX_HALF_WIDTH = 4;
/** A slot with a prior pools neighbours for its local factor until this many reports are
 * expected... */
export const FACTOR_MIN_EXPECTED = 10;
/** ...or this many slots on each side. */
export const FACTOR_MAX_HALF_WIDTH = 8;
/** Extra relative variance of a day type copied from another one (no history of its own). */
export const MISSING_DAY_TYPE_UNCERTAINTY = 0.25;
/** Prior used when the series' dispersion is estimated from few counts (weight in Σμ² units). */
export const DEFAULT_DISPERSION = 0.3;
export const DISPERSION_PRIOR_WEIGHT = 50;
export const MIN_DISPERSION = 0.05;
export const MAX_DISPERSION = 3;
/** Bounds of the empirical-Bayes between-cell variance (relative) around the prior rates. */
export const MIN_PRIOR_VARIANCE = 0.02;
export const MAX_PRIOR_VARIANCE = 4;
/** Floor of any expected rate, in distinct reporters per minute. */
export const MIN_RATE_PER_MINUTE = 1e-4;
/** Less history than this (days) and the absolute fallback baseline is used instead. */
export const MIN_HISTORY_DAYS = 7;
export const MAX_HISTORY_DAYS = 56;
/** No-history baseline: generous rate and dispersion, so only a real burst can alarm. */
export const FALLBACK_RATE_PER_MINUTE = 0.05;
export const FALLBACK_DISPERSION = 1;
export const FALLBACK_UNCERTAINTY = 1;

/** Dispersion is also learned per block of the local day (lunch and evenings are noisier)... */
export const DISPERSION_BLOCK_MINUTES = 180;
/** ...shrunk toward the series' own dispersion with this weight (Σμ² units). */
export const DISPERSION_BLOCK_PRIOR_WEIGHT = 30;

// Detection.
/** Lengths of the sliding windows tested at each bucket, in minutes. */
export const WINDOW_MINUTES = [1, 3, 5, 10, 15, 30] as const;
/** Share of the per-bucket overdispersion that persists over a window (not averaged out). */
export const CORRELATED_DISPERSION_SHARE = 0.2;
/** Windows holding fewer reports are not scored (score 0): one report is never an anomaly. */
export const MIN_SCORED_COUNT = 2;
/**
 * Scores are -log10 p-values of window sums; set on bench/detect.ts (no false alarm over 2 clean
 * months × 3 scales × ~470 series, with ~6 window tests per bucket).
 */
export const POSSIBLE_SCORE = 6;
export const DETECTED_SCORE = 9;
export const CLOSE_SCORE = 2;
/**
 * Least score of the data after a 'possible' trigger that can confirm it (sequential escalation,
 * see episode-tracker). A false 'possible' becomes a false 'detected' only if the background
 * after it is this surprising: of ~780 'possible' blips on simulated clean days (one burst, then
 * ordinary background), none was escalated at 2.5, 2 at 2 and 10 at 0.
 */
export const CONFIRM_SCORE = 2.5;
/** Absolute minimum of distinct reporters in the window: three reports never alarm. */
export const MIN_REPORTERS_POSSIBLE = 4;
export const MIN_REPORTERS_DETECTED = 6;
/** Minimum ratio observed / expected in the window, so a busier-than-usual day is not an outage. */
export const MIN_RATIO_POSSIBLE = 2;
export const MIN_RATIO_DETECTED = 3;
/**
 * The minimum ratio grows with the series' own variability: observed / expected must also exceed
 * 1 + this many relative standard deviations of the window's shared noise (level and baseline
 * uncertainty), so a dense but noisy series needs a large relative excess, not just significance.
 */
export const RATIO_SD_POSSIBLE = 3;
export const RATIO_SD_DETECTED = 4;
/**
 * An episode open this long whose counts follow the baseline's shape times a factor (better than
 * the baseline plus a constant excess, as an outage would) is a change of level: closed, flagged
 * for moderators, and the factor is adopted for the rest of the series.
 */
export const LEVEL_SHIFT_MINUTES = 180;
/** Means below this are floored in the shape test (night minutes carry no shape information). */
export const LEVEL_SHIFT_MIN_MEAN = 0.05;
/** The level model must beat the outage model by this much χ² (strong evidence, not a coin toss)... */
export const LEVEL_SHIFT_MIN_EVIDENCE = 25;
/** ...over a stretch where the baseline itself varies (coefficient of variation of its means). */
export const LEVEL_SHIFT_MIN_SHAPE_CV = 0.25;
/**
 * A bucket completed more than this many minutes after its end (a late outbox batch placed at its
 * observed minute) makes a « détectée » that relied on it late: announced when its data arrived.
 */
export const LATE_DATA_TOLERANCE_MINUTES = 2;
/**
 * Across episodes: over the last LEVEL_SHIFT_MINUTES, the buckets outside episodes must carry this many
 * expected reporters and be raised by this share of the window's factor (an outage leaves them at 1).
 */
export const LEVEL_SHIFT_MIN_QUIET_MEAN = 10;
export const LEVEL_SHIFT_QUIET_SHARE = 0.3;
/** The χ² margin of the shape test across episodes (the raised quiet buckets already rule outages out). */
export const LEVEL_SHIFT_WINDOW_MIN_EVIDENCE = 10;
/**
 * Re-learning the baselines re-estimates an adopted level against the new baseline over the days since the
 * shift, when they expect at least LEVEL_REBASE_MIN_EXPECTED reporters; a level within LEVEL_REBASE_DROP
 * of 1 is dropped (the new baseline has taken it in).
 */
export const LEVEL_REBASE_MIN_EXPECTED = 50;
export const LEVEL_REBASE_DROP = 0.1;
/** Level steps kept per series (older ones only matter before the detection window). */
export const LEVEL_STEPS_KEPT = 8;
/** A bucket is hot (part of the anomaly) when its own count has an upper-tail p below this. */
export const HOT_BUCKET_P = 0.1;
/** Windows up to this length decide whether the anomaly has stopped. */
export const CLOSE_WINDOW_MINUTES = 5;
/** Consecutive quiet minutes that close an episode. */
export const QUIET_MINUTES = 10;
/** An anomaly starting within this many minutes of the previous episode's end extends it. */
export const MERGE_GAP_MINUTES = 20;

// Common causes across open episodes.
/** Episodes starting within this many minutes of a group's first one may share a cause. */
export const COMMON_CAUSE_WINDOW_MINUTES = 30;
/** Platforms of one operator group with open episodes at once. */
export const MIN_OPERATOR_PLATFORMS = 2;
/** Académies of one platform with open episodes at once. */
export const MIN_ACADEMIES_PER_PLATFORM = 5;
/** Distinct platforms with open episodes at once, anywhere in the country. */
export const MIN_PLATFORMS_NATIONAL = 3;

// Day-level factor (a whole day at another level: distance learning, strike, exams, day off).
/** Pseudo-count of expected reports pulling a series' ratio of the day toward the prior factor. */
export const DAY_FACTOR_SERIES_PRIOR = 30;
/** Expected reports of an académie's services before its own factor outweighs the national one. */
export const DAY_FACTOR_ACADEMY_PRIOR = 150;
/** Expected reports across all services before the national factor leaves the declared one. */
export const DAY_FACTOR_NATIONAL_PRIOR = 150;
export const DAY_FACTOR_MIN = 0.2;
export const DAY_FACTOR_MAX = 4;
/** The factor is recomputed every this many minutes (medians over all series). */
export const DAY_FACTOR_STEP_MINUTES = 5;
