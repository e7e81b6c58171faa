import { parseRetryAfter } from './backoff';
import { parseIssues } from './outbox-parse';
import type { AcceptedReport, SendOutcome } from './types';

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAcceptedReport(body: unknown): body is AcceptedReport {
  return (
    isRecord(body) &&
    typeof body.id === 'string' &&
    (body.status === 'accepted' || body.status === 'duplicate') &&
    typeof body.counted === 'boolean' &&
    typeof body.localCount === 'number' &&
    typeof body.platform === 'string' &&
    typeof body.academy === 'string'
  );
}

function readApiError(body: unknown): { code: string; message: string; issues: unknown } | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { code, message, issues } = body.error;
  return typeof code === 'string' && typeof message === 'string' ? { code, message, issues } : null;
}

const TRANSIENT_STATUSES = new Set([408, 425, 429]);

/**
 * What to do with one HTTP answer to POST /api/reports. Only a well-formed success body counts as
 * delivered, and only our own JSON error shape counts as a final refusal: a captive portal or a
 * proxy answering 200 or 403 with HTML must not drop the report.
 */
export function classifyResponse(input: {
  status: number;
  retryAfter: string | null;
  body: unknown;
  nowMs: number;
}): SendOutcome {
  const { status, body } = input;
  const retryAfterMs = parseRetryAfter(input.retryAfter, input.nowMs);
  if (status === 200 || status === 201) {
    return isAcceptedReport(body) ? { kind: 'delivered', report: body } : { kind: 'retry', reason: 'invalid_response' };
  }
  if (status === 429) return { kind: 'retry', reason: 'rate_limited', retryAfterMs };
  if (status >= 500 || TRANSIENT_STATUSES.has(status)) return { kind: 'retry', reason: 'server', retryAfterMs };
  const apiError = readApiError(body);
  if (status >= 400 && status < 500 && apiError) {
    const error = { status, code: apiError.code, message: apiError.message, issues: parseIssues(apiError.issues) };
    return { kind: 'rejected', error };
  }
  return { kind: 'retry', reason: 'invalid_response', retryAfterMs };
}

/** The server wants a proof of work (surge): solve a challenge and send again, it is not a refusal. */
export function needsProofOfWork(outcome: SendOutcome): boolean {
  return (
    outcome.kind === 'rejected' &&
    outcome.error.issues.some((issue) => issue.field === 'altcha' && (issue.code === 'pow_required' || issue.code === 'pow_invalid'))
  );
}

/** Only the device clock is wrong (ahead of the server): the report is fine without its `observedAt`. */
export function isClockAhead(outcome: SendOutcome): boolean {
  return (
    outcome.kind === 'rejected' &&
    outcome.error.issues.length > 0 &&
    outcome.error.issues.every((issue) => issue.code === 'observed_at_future')
  );
}
