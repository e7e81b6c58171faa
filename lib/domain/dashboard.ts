import type { IncidentLevel, IncidentState, Platform, PlatformKind, PlatformScope, ProblemCategory } from './types';

/** Times are epoch ms (UTC) so the types cross the server/client boundary unchanged. */
export type IncidentListItem = {
  id: string;
  platformId: string;
  platformName: string;
  level: IncidentLevel;
  state: IncidentState;
  startedAt: number;
  detectedAt: number | null;
  endedAt: number | null;
  national: boolean;
  academies: string[];
  reportCount: number;
  reporterCount: number;
  peakReporters: number;
};

export type CommonCauseInfo = {
  kind: 'operator' | 'multi_academy' | 'multi_platform';
  key: string;
  platforms: string[];
  academies: string[];
  since: number | null;
};

export type IncidentDetail = IncidentListItem & {
  operator: string | null;
  /** Distinct networks (IPv4 /24, IPv6 /48) among the reporters. */
  networkCount: number;
  peakAt: number | null;
  categoryBreakdown: Record<string, number>;
  commonCause: CommonCauseInfo | null;
  mergedIntoId: string | null;
  dismissedReason: string | null;
  academyJoins: Array<{ academyId: string; joinedAt: number }>;
  events: Array<{ at: number; kind: string; data: unknown; byModerator: boolean }>;
};

export type PublicComment = {
  id: string;
  at: number;
  platformId: string;
  academyId: string;
  category: ProblemCategory;
  text: string;
};

export type PlatformInfo = {
  id: string;
  name: string;
  kind: PlatformKind;
  scope: PlatformScope;
  operator: string | null;
  statusPageUrl: string | null;
  academies: string[];
  retired: boolean;
};

/** What pages and the public API show of a platform (no matching domains or aliases, retirement as a flag). */
export function platformInfo(p: Platform): PlatformInfo {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    scope: p.scope,
    operator: p.operator,
    academies: p.academies,
    statusPageUrl: p.statusPageUrl,
    retired: p.retiredAt !== null,
  };
}

export type AcademyInfo = {
  id: string;
  name: string;
  regionName: string;
  overseas: boolean;
  timeZone: string;
};
