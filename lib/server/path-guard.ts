import { AppError } from '@/lib/http/errors';
import { toErrorPayload } from '@/lib/http/error-payload';
import { isMalformedPath, notFoundPathFor } from '@/lib/http/path-check';
import type { HttpAnswer } from '@/lib/http/respond';

export type BadPath = { kind: 'api'; answer: HttpAnswer } | { kind: 'page'; rewriteTo: string };

/** API paths get the JSON 400; pages are rendered as the site's 404 (layout and security headers included). */
export function badPathAnswer(path: string): BadPath | null {
  if (!isMalformedPath(path)) return null;
  if (path === '/api' || path.startsWith('/api/')) {
    return { kind: 'api', answer: toErrorPayload(new AppError('invalid_input', 'Adresse invalide : caractères mal encodés.')) };
  }
  return { kind: 'page', rewriteTo: notFoundPathFor(path) };
}
