import { AppError } from './errors';

/** Rejects with a 503 AppError when `promise` takes longer than `ms` (a hung database never hangs a request). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'database'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError('unavailable', `Service momentanément indisponible (${what} : délai dépassé).`, {
            retryAfterSeconds: 5,
          }),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
