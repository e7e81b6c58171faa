/**
 * Contract between the map-state reader (server), the live stream and the home page (browser).
 * Pure types only: imported by lib/, app/ and components/ alike.
 */
import type { IncidentLevel, PlatformStatus, ProblemCategory } from '@/lib/domain/types';

/** Severity of an académie relative to its baseline: never derived from raw counts alone. */
export type Severity = 'normal' | 'perturbe' | 'panne';

export type AcademyPlatformState = {
  platformId: string;
  severity: Severity;
  reporters: number;
  expected: number;
  /** Covered by a national incident and reported here at about the national level (shown in the national strip). */
  national?: boolean;
  /** Covered by a national incident and reported here well above its national level. */
  standsOut?: boolean;
};

export type AcademyState = {
  academyId: string;
  /** With every service shown: what is wrong here beyond national outages; with one service: that service. */
  severity: Severity;
  /** Level of the national outages felt here at the national level (left out of `severity`). */
  nationalSeverity?: Severity;
  /** 0..1 strength within the severity level (drives colour intensity), from observed vs expected. */
  intensity: number;
  /** Distinct reporters over the window (after the platform/category filter). */
  reporters: number;
  /** Counted reports over the window (after the filter). */
  reports: number;
  /** Baseline expectation of distinct reporters over the same window. */
  expected: number;
  /** Platforms with reports or an open incident here, most severe first. */
  platforms: AcademyPlatformState[];
  /** Open incidents (at `at`) that cover this académie. */
  incidentIds: string[];
  /** False when no selected platform serves this académie (e.g. a regional ENT elsewhere). */
  served?: boolean;
};

export type IncidentSummary = {
  id: string;
  platformId: string;
  level: IncidentLevel;
  /** ISO instants. */
  startedAt: string;
  detectedAt: string | null;
  endedAt: string | null;
  national: boolean;
  academies: string[];
};

export type PlatformSummary = {
  platformId: string;
  status: PlatformStatus;
  /** Start of the earliest open incident (ISO), null when operational. */
  since: string | null;
  academyCount: number;
  national: boolean;
  reporters: number;
  expected: number;
  /**
   * Distinct reporters per 5-minute bucket over the 3 hours before `at` (36 values, oldest first);
   * buckets are aligned on the clock, the first starts at MapState.sparklineFrom, the last holds `at`.
   */
  sparkline: number[];
};

export type MapState = {
  /** The instant described (ISO, minute precision); now when live. */
  at: string;
  live: boolean;
  windowMinutes: number;
  platformId: string | null;
  category: ProblemCategory | null;
  academies: AcademyState[];
  platforms: PlatformSummary[];
  incidents: IncidentSummary[];
  /** Last live-stream sequence already reflected in this state (resume point for the stream). */
  seq: number;
  /** Start (ISO) of the first sparkline bucket; counts cover minute buckets in [at - windowMinutes, at). */
  sparklineFrom?: string;
};

/** Deltas between instances (bus, hub) and to in-process listeners, numbered by their publisher (seq). */
export type LiveDelta =
  | {
      kind: 'report';
      seq: number;
      at: string;
      platformId: string;
      academyId: string;
      category: ProblemCategory;
      /** First report of its source for this platform in the hour (counts as a distinct reporter). */
      reporter: boolean;
    }
  | { kind: 'incident'; seq: number; incident: IncidentSummary }
  /** The client must refetch the full state (missed events, restart, moderation changed counts). */
  | { kind: 'resync'; seq: number };

/**
 * Reports of one stream frame folded per platform, académie, category and minute:
 * [platformId, academyId, category, epoch minute (ms / 60 000), reports, distinct reporters].
 */
export type CountsCell = [platformId: string, academyId: string, category: ProblemCategory, minute: number, reports: number, reporters: number];

/**
 * Report deltas with seqs in [first, seq] folded into one frame (the stream never sends single reports:
 * at surge each viewer would receive ~200 bytes per report). `at` / `since`: latest / earliest report instant.
 */
export type CountsDelta = { kind: 'counts'; seq: number; first: number; at: string; since: string; cells: CountsCell[] };

/** What the live stream sends (SSE `data:` JSON, SSE `id:` = seq). */
export type StreamDelta = CountsDelta | Exclude<LiveDelta, { kind: 'report' }>;
