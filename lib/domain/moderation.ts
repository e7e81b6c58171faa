import type { FlagReason } from './types';

/** One report's place in the minute counters, as read before a moderation change. */
export type CountedRow = {
  platformId: string;
  academyId: string;
  bucketStart: Date;
  category: string;
  counted: boolean;
  distinctReporter: boolean;
};

export type CounterDelta = { platformId: string; academyId: string; bucketStart: Date; category: string; reports: number; reporters: number };

export type IncidentAcademyFacts = { academyId: string; joinedAt: Date; level: string };

export type IncidentFacts = {
  id: string;
  platformId: string;
  state: string;
  level: string;
  startedAt: Date;
  detectedAt: Date | null;
  peakAt: Date | null;
  peakReporters: number;
  endedAt: Date | null;
  reportCount: number;
  reporterCount: number;
  categoryBreakdown: Record<string, number>;
  maxScore: number;
  academies: IncidentAcademyFacts[];
};

export type MergePlan = {
  into: Omit<IncidentFacts, 'id' | 'platformId' | 'academies'>;
  addAcademies: IncidentAcademyFacts[];
};

export type SplitPlan = { moved: IncidentAcademyFacts[]; kept: IncidentAcademyFacts[]; startedAt: Date; level: string };

export const AUTOMATIC_FLAGS: readonly FlagReason[] = ['flood', 'duplicate', 'honeypot', 'rate_limited'];

export type ModerationReportRow = {
  id: string;
  createdAt: Date;
  platformId: string;
  academyId: string;
  category: string;
  comment: string | null;
  commentState: string;
  moderationState: string;
  counted: boolean;
  flagReason: string | null;
  sourceFingerprint: string | null;
};

/** What the moderation queue filters on; `from`/`to` are absolute (UTC). */
export type QueueFilter = {
  platformId?: string;
  academyId?: string;
  category?: string;
  role?: string;
  flag?: string;
  from?: Date;
  to?: Date;
};
