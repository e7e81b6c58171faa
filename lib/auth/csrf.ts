import { AppError } from '@/lib/http/errors';

/**
 * CSRF defence for cookie-authenticated writes, on top of SameSite=Lax cookies: the browser's Origin
 * must be this host, and without Origin, Sec-Fetch-Site must not say cross-site.
 */
export function requireSameOriginMutation(req: Request): void {
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) throw new AppError('forbidden', 'Requête d’un autre site refusée.');
    return;
  }
  const site = req.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') throw new AppError('forbidden', 'Requête d’un autre site refusée.');
}
