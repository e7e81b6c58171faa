import { AppError } from './errors';
import { requestHost } from './peer';

const REFUSED = 'Requête d’un autre site refusée.';

/**
 * The one cross-site check of the app, for route handlers and server actions alike: a browser's
 * Origin must be this host (X-Forwarded-Host counts only from a trusted proxy); without Origin,
 * Sec-Fetch-Site must not say another site. Clients that send neither (curl, apps) pass.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      return false;
    }
    const host = requestHost(headers);
    return host !== null && originHost === host;
  }
  const site = headers.get('sec-fetch-site');
  return site !== 'cross-site' && site !== 'same-site';
}

export function requireSameOrigin(headers: Headers): void {
  if (!isSameOrigin(headers)) throw new AppError('forbidden', REFUSED);
}
