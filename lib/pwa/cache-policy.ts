/** What the service worker does with a request (pure, so the rules are unit-tested). */
export type CachePolicy = 'queue-report' | 'never' | 'report-page' | 'static' | 'network';

/** The report page's shell kept for offline use, in both languages. */
export const OFFLINE_PAGES = ['/signaler', '/en/signaler'] as const;

const NEVER = [/^\/api\//, /^\/admin(\/|$)/, /^\/connexion(\/|$)/, /^\/en\/admin(\/|$)/, /^\/en\/connexion(\/|$)/];

/**
 * Live answers (map state, stream, every API) and everything behind an account are never cached; a
 * report POST that fails for lack of network is queued for Background Sync; the report page is
 * network-first with its shell kept for offline use; hashed build assets are cache-first.
 */
export function cachePolicy(input: { pathname: string; method: string; navigate: boolean; sameOrigin: boolean }): CachePolicy {
  if (!input.sameOrigin) return 'network';
  if (input.method === 'POST' && input.pathname === '/api/reports') return 'queue-report';
  if (input.method !== 'GET') return 'network';
  if (NEVER.some((re) => re.test(input.pathname))) return 'never';
  if (input.navigate && (OFFLINE_PAGES as readonly string[]).includes(input.pathname)) return 'report-page';
  if (input.pathname.startsWith('/_next/static/') || input.pathname.startsWith('/icons/') || input.pathname === '/manifest.webmanifest') return 'static';
  return 'network';
}
