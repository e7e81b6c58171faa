import type { TrafficMode } from './traffic-modes';
import type { ProblemCategory, ReporterRole } from '@/lib/domain/types';

export const OUTAGE_KINDS = ['outage', 'slow_burn', 'attack', 'saturation'] as const;
export type OutageKind = (typeof OUTAGE_KINDS)[number];

export type ReportOrigin = 'background' | 'outage' | 'spam' | 'trickle';

export type SimReport = {
  /** Epoch ms. */
  t: number;
  platformId: string;
  academyId: string;
  /** Reporter identity: fresh per simulated person, repeated for spam. */
  source: string;
  category: ProblemCategory;
  role: ReporterRole;
  comment?: string;
  origin: ReportOrigin;
  outageId?: string;
};


/**
 * An injected outage. extraPerMinute = plateau mean of extra distinct reporters per minute over the
 * whole scope, split between its académies by pupil share. 'national' = every académie served.
 * Times are epoch ms, minute-aligned. Shape: linear ramp over rampMinutes (0 = abrupt), then an
 * optional exponential decay toward floor × plateau.
 */
export type OutageSpec = {
  id: string;
  platformId: string;
  academies: string[] | 'national';
  start: number;
  end: number;
  extraPerMinute: number;
  kind: OutageKind;
  rampMinutes?: number;
  decay?: { halfLifeMinutes: number; floor: number };
};

/** What was injected, clipped to the simulated window; extraPerMinute is after `scale`. */
export type OutageTruth = Omit<OutageSpec, 'rampMinutes' | 'decay'>;

/** One source sending `count` reports spread over durationMinutes from `at` (epoch ms). */
export type SpamSpec = {
  platformId: string;
  academyId: string;
  at: number;
  count: number;
  durationMinutes: number;
};

/** `count` distinct people reporting within spreadMinutes from `at` (epoch ms). */
export type TrickleSpec = {
  platformId: string;
  academyId: string;
  at: number;
  count: number;
  spreadMinutes: number;
};

/** Background × factor in [from, to) epoch ms, for the listed académies (default all). */
export type BaselineWindow = {
  from: number;
  to: number;
  factor: number;
  academies?: string[];
};

export type Scenario = {
  name: string;
  outages: OutageSpec[];
  spam?: SpamSpec[];
  trickles?: TrickleSpec[];
  baselineMultipliers?: BaselineWindow[];
};

export type SimulateOptions = {
  start: Date;
  end: Date;
  seed: number;
  /** Multiplies background and outage volumes (not spam or trickles). Default 1. */
  scale?: number;
  /** Platform ids to simulate; default all 41. */
  platforms?: string[];
  scenarios: Scenario[];
  /** Traffic that is not the detector's model (lib/simulate/traffic-modes.ts); default none. */
  mode?: TrafficMode;
};
