export type Level = 'normal' | 'possible' | 'detected';
export type AlarmLevel = Exclude<Level, 'normal'>;

/** Platform-level incident: overlapping or close episodes of a platform's series, merged. */
export type Incident = {
  platformId: string;
  start: number;
  /** null while at least one episode is still open. */
  end: number | null;
  possibleAt: number | null;
  detectedAt: number | null;
  level: AlarmLevel;
  maxScore: number;
  scopes: string[];
  /** The « détectée » relied on late reports: announced at detectedAt, when they arrived. */
  detectedLate?: boolean;
};

export type PersistedIncident = {
  id: string;
  platformId: string;
  state: 'open' | 'closed' | 'dismissed' | 'merged';
  level: 'possible' | 'detected';
  startedAt: number;
  endedAt: number | null;
  scopes: string[];
};

export type IncidentChange =
  | { kind: 'create'; detected: Incident }
  | { kind: 'update'; id: string; detected: Incident; joined: string[]; raised: boolean; closed: boolean; reopened: boolean }
  | { kind: 'close'; id: string; at: number };

/** Expected distinct reporters per minute by (day type, local slot) for one series. */
export type BaselineModel = {
  academyId: string;
  slotMinutes: number;
  /** Rates per minute, index = day-type index (DAY_TYPES order) × slots per day + slot. */
  rates: number[];
  /** Relative variance of each rate estimate (same index). */
  uncertainty: number[];
  dispersion: number;
  /** Dispersion per DISPERSION_BLOCK_MINUTES block of the local day (absent: `dispersion` throughout). */
  dispersionByBlock?: number[];
  historyMinutes: number;
  isFallback: boolean;
};

/**
 * Baselines of one platform: a platform-wide shape (on the calendar of its busiest académie, prior
 * only), one model per académie shrunk toward shape × share, and the dispersion of the
 * platform-wide total, whose expectation is the sum of the académies' (each on its own calendar
 * and time zone).
 */
export type PlatformBaselines = {
  shape: BaselineModel;
  academies: Record<string, BaselineModel>;
  totalDispersion: number;
  /** Adopted changes of level per series (académie id or 'national'), kept with the baselines. */
  levels?: SeriesLevels;
};

/** From `since` (epoch ms) on, a series' expected counts are its baseline's times `factor`. */
export type LevelStep = { since: number; factor: number };

/** Level steps per series (académie id or 'national'), oldest first. */
export type SeriesLevels = Record<string, LevelStep[]>;
