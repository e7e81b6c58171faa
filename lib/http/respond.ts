import { AppError, type ErrorCode, type ErrorIssue } from './errors';

export type ErrorBody = { error: { code: ErrorCode; message: string; issues?: ErrorIssue[] } };

export function json(body: unknown, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { ...init, headers });
}

export function errorResponse(error: AppError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details?.issues) body.error.issues = error.details.issues;
  const headers: Record<string, string> = {};
  if (error.details?.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(Math.max(1, Math.ceil(error.details.retryAfterSeconds)));
  }
  return json(body, { status: error.status, headers });
}
