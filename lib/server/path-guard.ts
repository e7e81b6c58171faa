import { AppError } from '@/lib/http/errors';
import { toErrorPayload } from '@/lib/http/error-payload';
import { canonicalPath, isMalformedPath, notFoundPathFor } from '@/lib/http/path-check';
import type { HttpAnswer } from '@/lib/http/respond';

export type BadPath = { kind: 'api'; answer: HttpAnswer } | { kind: 'page'; rewriteTo: string };

/**
 * API paths get the JSON 400; pages are rendered as the site's 404 (layout and security headers
 * included). Dot segments and trailing slashes get the redirect Next.js would send, with our headers.
 */
export function badPathAnswer(path: string, search: string): BadPath | null {
  const canonical = canonicalPath(path);
  if (canonical !== null) {
    return { kind: 'api', answer: { status: 308, headers: { location: `${canonical}${search}`, 'cache-control': 'no-store' }, body: null } };
  }
  if (!isMalformedPath(path)) return null;
  if (path === '/api' || path.startsWith('/api/')) {
    return { kind: 'api', answer: toErrorPayload(new AppError('invalid_input', 'Adresse invalide : caractères mal encodés.')) };
  }
  return { kind: 'page', rewriteTo: notFoundPathFor(path) };
}
