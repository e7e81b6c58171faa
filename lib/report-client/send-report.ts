import { classifyResponse, isClockAhead, needsProofOfWork } from './classify-response';
import type { ReportPayload, SendOutcome } from './types';

export const REPORTS_ENDPOINT = '/api/reports';
/** A request hanging longer than this on a bad network counts as a network failure (ms). */
export const SEND_TIMEOUT_MS = 20_000;

export type SendDeps = {
  fetch: typeof fetch;
  /** Returns the `x-altcha` header value, or null when no proof of work could be produced. */
  solvePow?: () => Promise<string | null>;
  now?: () => number;
  timeoutMs?: number;
};

async function postOnce(payload: ReportPayload, pow: string | null, deps: SendDeps): Promise<SendOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? SEND_TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (pow) headers['x-altcha'] = pow;
    const res = await deps.fetch(REPORTS_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify(payload),
      cache: 'no-store',
      signal: controller.signal,
    });
    const body: unknown = await res.json().catch(() => null);
    const nowMs = deps.now?.() ?? Date.now();
    return classifyResponse({ status: res.status, retryAfter: res.headers.get('retry-after'), body, nowMs });
  } catch {
    return { kind: 'retry', reason: 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One delivery attempt of a report, including the two repairs the browser can make on its own:
 * solving a proof of work when the server asks for one, and dropping `observedAt` when the
 * device clock runs ahead of the server.
 */
export async function sendReport(payload: ReportPayload, deps: SendDeps): Promise<SendOutcome> {
  let body = payload;
  let outcome = await postOnce(body, null, deps);
  if (isClockAhead(outcome)) {
    body = { ...body, observedAt: undefined };
    outcome = await postOnce(body, null, deps);
  }
  if (!needsProofOfWork(outcome)) return outcome;
  const pow = deps.solvePow ? await deps.solvePow().catch(() => null) : null;
  if (!pow) return { kind: 'retry', reason: 'pow' };
  outcome = await postOnce(body, pow, deps);
  return needsProofOfWork(outcome) ? { kind: 'retry', reason: 'pow' } : outcome;
}
