export const PROBLEM_CATEGORIES = [
  'unreachable',
  'login',
  'slow',
  'error_page',
  'feature_homework',
  'feature_messages',
  'feature_marks',
  'feature_visio',
  'feature_documents',
  'other',
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

export const REPORTER_ROLES = ['parent', 'pupil', 'teacher', 'other'] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];

export const PLATFORM_KINDS = [
  'ENT',
  'vie-scolaire',
  'cours-a-distance',
  'identity',
  'visio',
  'orientation',
  'teleservices',
  'ressources',
] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];

export const PLATFORM_SCOPES = ['national', 'regional', 'departemental'] as const;
export type PlatformScope = (typeof PLATFORM_SCOPES)[number];

export const MODERATION_STATES = ['pending', 'approved', 'hidden'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

/** Why a report is excluded from counts; null when it counts. */
export const FLAG_REASONS = ['rate_limited', 'duplicate', 'honeypot', 'flood', 'moderator'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const INCIDENT_LEVELS = ['possible', 'detected'] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];

export const INCIDENT_STATES = ['open', 'closed', 'dismissed', 'merged'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export const PLATFORM_STATUSES = ['operational', 'degraded', 'outage'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

export const USER_ROLES = ['admin', 'moderator', 'union', 'journalist'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export type Academy = {
  id: string;
  name: string;
  code: string;
  regionId: string;
  regionName: string;
  overseas: boolean;
  timeZone: string;
  labelLon: number;
  labelLat: number;
  departements: string[];
};

export type Platform = {
  id: string;
  name: string;
  kind: PlatformKind;
  scope: PlatformScope;
  operator: string | null;
  academies: string[];
  domains: string[];
  aliases: string[];
  statusPageUrl: string | null;
  retiredAt: Date | null;
};
