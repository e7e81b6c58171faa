import { AppError, isAppError } from './errors';
import { isDatabaseUnavailable } from './db-errors';
import { componentLogger } from '@/lib/log/logger';

const log = componentLogger('http');

export type ErrorPayload = { status: number; headers: Record<string, string>; body: string };

/** Maps any thrown value to the standard JSON error; unknown errors never leak their message. */
export function toErrorPayload(error: unknown): ErrorPayload {
  let appError: AppError;
  if (isAppError(error)) appError = error;
  else if (isDatabaseUnavailable(error)) {
    appError = new AppError('unavailable', 'Service momentanément indisponible, réessayez dans quelques secondes.', {
      retryAfterSeconds: 5,
    });
  } else {
    log.error({ err: error }, 'unexpected error');
    appError = new AppError('internal', 'Erreur interne du serveur.');
  }
  const body: { error: { code: string; message: string; issues?: unknown } } = {
    error: { code: appError.code, message: appError.message },
  };
  if (appError.details?.issues) body.error.issues = appError.details.issues;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (appError.details?.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(Math.max(1, Math.ceil(appError.details.retryAfterSeconds)));
  }
  return { status: appError.status, headers, body: JSON.stringify(body) };
}
