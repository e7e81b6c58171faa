import type { FlagReason, ProblemCategory } from '@/lib/domain/types';
import { commentKey } from './normalize';
import {
  COUNT_WINDOW_MS,
  DUPLICATE_WINDOW_MS,
  FLOOD_MIN_COMMENT_LENGTH,
  FLOOD_MIN_SOURCES,
  FLOOD_WINDOW_MS,
} from './thresholds';

export type CountingReport = {
  fingerprint: string;
  deviceToken: string | null;
  platform: string;
  academy: string;
  category: ProblemCategory;
  /** Scrubbed comment, or null. */
  comment: string | null;
  receivedAt: Date;
};

export type RecentReport = CountingReport & { counted: boolean };

export type CountingDecision =
  { counts: true; flag: null } | { counts: false; flag: Exclude<FlagReason, 'moderator'> };

export type CountingThresholds = {
  countWindowMs: number;
  duplicateWindowMs: number;
  floodWindowMs: number;
  floodMinSources: number;
  floodMinCommentLength: number;
};

export const DEFAULT_COUNTING_THRESHOLDS: CountingThresholds = {
  countWindowMs: COUNT_WINDOW_MS,
  duplicateWindowMs: DUPLICATE_WINDOW_MS,
  floodWindowMs: FLOOD_WINDOW_MS,
  floodMinSources: FLOOD_MIN_SOURCES,
  floodMinCommentLength: FLOOD_MIN_COMMENT_LENGTH,
};

/** The honeypot input is hidden from people; anything in it comes from a bot or an autofill. */
export function isHoneypotFilled(website: string | undefined): boolean {
  return website !== undefined && website.trim() !== '';
}

function isWithin(report: RecentReport, now: Date, windowMs: number): boolean {
  return report.receivedAt.getTime() > now.getTime() - windowMs;
}

function isSameSource(a: CountingReport, b: CountingReport): boolean {
  if (a.deviceToken !== null && a.deviceToken === b.deviceToken) return true;
  // Behind one shared address (school, carrier NAT) two device tokens are two people; the per-source
  // reporter budget (reporter-budget.ts) bounds what a token-rotating machine gains from this.
  return a.fingerprint === b.fingerprint && (a.deviceToken === null || b.deviceToken === null);
}

function isFlood(
  report: CountingReport,
  recent: readonly RecentReport[],
  t: CountingThresholds,
): boolean {
  if (report.comment === null) return false;
  const key = commentKey(report.comment);
  if (key.length < t.floodMinCommentLength) return false;
  const sources = new Set([report.fingerprint]);
  for (const other of recent) {
    if (other.comment === null || !isWithin(other, report.receivedAt, t.floodWindowMs)) continue;
    if (commentKey(other.comment) === key) sources.add(other.fingerprint);
  }
  return sources.size >= t.floodMinSources;
}

/**
 * Whether a new report counts towards outage detection or is stored but flagged. `recent` holds
 * the reports received in the last max-window (any source); the glue picks them from the DB.
 * Precedence: honeypot, flood, duplicate, rate_limited. Earlier members of a flood keep their status.
 */
export function decideCounting(input: {
  report: CountingReport;
  honeypot: boolean;
  recent: readonly RecentReport[];
  thresholds?: CountingThresholds;
}): CountingDecision {
  const { report, recent } = input;
  const t = input.thresholds ?? DEFAULT_COUNTING_THRESHOLDS;
  const now = report.receivedAt;
  if (input.honeypot) return { counts: false, flag: 'honeypot' };
  if (isFlood(report, recent, t)) return { counts: false, flag: 'flood' };
  const sameSource = recent.filter(
    (other) => isSameSource(report, other) && other.platform === report.platform,
  );
  const isDuplicate = sameSource.some(
    (other) =>
      isWithin(other, now, t.duplicateWindowMs) &&
      other.academy === report.academy &&
      other.category === report.category,
  );
  if (isDuplicate) return { counts: false, flag: 'duplicate' };
  if (sameSource.some((other) => other.counted && isWithin(other, now, t.countWindowMs))) {
    return { counts: false, flag: 'rate_limited' };
  }
  return { counts: true, flag: null };
}
