import type { ProblemCategory, ReporterRole } from '@/lib/domain/types';
import type { ReportAccepted } from '@/lib/ingest/schema';

/** JSON body of POST /api/reports as the browser sends it (dates as ISO strings). */
export type ReportPayload = {
  platform: string;
  academy: string;
  category: ProblemCategory;
  role?: ReporterRole;
  comment?: string;
  idempotencyKey: string;
  observedAt?: string;
  deviceToken?: string;
  website?: string;
};

export type AcceptedReport = ReportAccepted;

export type ReportIssue = { field: string; code: string; message: string };

export type ReportError = { status: number; code: string; message: string; issues: ReportIssue[] };

export type RetryReason = 'network' | 'server' | 'rate_limited' | 'pow' | 'invalid_response';

export type SendOutcome =
  | { kind: 'delivered'; report: AcceptedReport }
  | { kind: 'retry'; reason: RetryReason; retryAfterMs?: number }
  | { kind: 'rejected'; error: ReportError };

export type OutboxItem = {
  payload: ReportPayload;
  /** Epoch milliseconds. */
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** Earliest next attempt allowed by the server's Retry-After, even after an `online` event. */
  notBefore: number;
  state: 'pending' | 'rejected';
  error?: ReportError;
};

export type OutboxEvent =
  | { type: 'delivered'; payload: ReportPayload; report: AcceptedReport }
  | { type: 'queued'; payload: ReportPayload; nextAttemptAt: number; reason: RetryReason }
  | { type: 'rejected'; payload: ReportPayload; error: ReportError };
