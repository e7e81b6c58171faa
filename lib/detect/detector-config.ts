import {
  CLOSE_SCORE,
  CLOSE_WINDOW_MINUTES,
  CONFIRM_SCORE,
  CORRELATED_DISPERSION_SHARE,
  DETECTED_SCORE,
  HOT_BUCKET_P,
  LEVEL_SHIFT_MINUTES,
  MERGE_GAP_MINUTES,
  MIN_RATIO_DETECTED,
  MIN_RATIO_POSSIBLE,
  MIN_REPORTERS_DETECTED,
  MIN_REPORTERS_POSSIBLE,
  POSSIBLE_SCORE,
  QUIET_MINUTES,
  RATIO_SD_DETECTED,
  RATIO_SD_POSSIBLE,
  WINDOW_MINUTES,
} from './thresholds';

export type DetectorConfig = {
  bucketMs: number;
  windowMinutes: readonly number[];
  possibleScore: number;
  detectedScore: number;
  closeScore: number;
  confirmScore: number;
  minReportersPossible: number;
  minReportersDetected: number;
  minRatioPossible: number;
  minRatioDetected: number;
  hotBucketP: number;
  closeWindowMinutes: number;
  quietMinutes: number;
  mergeGapMinutes: number;
  correlatedDispersionShare: number;
  ratioSdPossible: number;
  ratioSdDetected: number;
  /** Infinity disables level-shift handling. */
  levelShiftMinutes: number;
};

export type DetectorOptions = Partial<DetectorConfig> & { bucketMs: number };

/** Window lengths and durations converted to bucket counts for a given bucket width. */
export type DetectorPlan = {
  config: DetectorConfig;
  windows: number[];
  closeWindows: number[];
  backtrackBuckets: number;
  quietBuckets: number;
  mergeGapMs: number;
};

const MINUTE_MS = 60_000;
const BACKTRACK_MINUTES = 60;

export function resolveDetectorConfig(options: DetectorOptions): DetectorConfig {
  return {
    windowMinutes: WINDOW_MINUTES,
    possibleScore: POSSIBLE_SCORE,
    detectedScore: DETECTED_SCORE,
    closeScore: CLOSE_SCORE,
    confirmScore: CONFIRM_SCORE,
    minReportersPossible: MIN_REPORTERS_POSSIBLE,
    minReportersDetected: MIN_REPORTERS_DETECTED,
    minRatioPossible: MIN_RATIO_POSSIBLE,
    minRatioDetected: MIN_RATIO_DETECTED,
    hotBucketP: HOT_BUCKET_P,
    closeWindowMinutes: CLOSE_WINDOW_MINUTES,
    quietMinutes: QUIET_MINUTES,
    mergeGapMinutes: MERGE_GAP_MINUTES,
    correlatedDispersionShare: CORRELATED_DISPERSION_SHARE,
    ratioSdPossible: RATIO_SD_POSSIBLE,
    ratioSdDetected: RATIO_SD_DETECTED,
    levelShiftMinutes: LEVEL_SHIFT_MINUTES,
    ...options,
  };
}

function toBuckets(minutes: number, bucketMs: number): number {
  return Math.max(1, Math.round((minutes * MINUTE_MS) / bucketMs));
}

export function planDetector(options: DetectorOptions): DetectorPlan {
  const config = resolveDetectorConfig(options);
  const { bucketMs } = config;
  if (!(bucketMs > 0)) throw new Error(`bucketMs must be positive, got ${bucketMs}`);
  const windows = [...new Set(config.windowMinutes.map((m) => toBuckets(m, bucketMs)))].sort(
    (a, b) => a - b,
  );
  const closeLimit = toBuckets(config.closeWindowMinutes, bucketMs);
  const closeWindows = windows.filter((k) => k <= closeLimit);
  return {
    config,
    windows,
    closeWindows: closeWindows.length > 0 ? closeWindows : windows.slice(0, 1),
    backtrackBuckets: Math.max(toBuckets(BACKTRACK_MINUTES, bucketMs), windows.at(-1) ?? 1),
    quietBuckets: Math.max(1, Math.ceil((config.quietMinutes * MINUTE_MS) / bucketMs)),
    mergeGapMs: config.mergeGapMinutes * MINUTE_MS,
  };
}
