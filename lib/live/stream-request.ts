import { AppError } from '@/lib/http/errors';
import { ID_SLUG } from '@/lib/domain/slug';
import { parseLastEventId } from './sse';

export type StreamRequest = { platformId: string | null; lastSeq: number | null };


/**
 * GET /api/flux parameters: optional `plateforme` (only that platform's deltas, plus resyncs) and
 * the resume point, from Last-Event-ID (EventSource reconnecting) or `depuis` (first connection).
 */
export function parseStreamRequest(input: { search: URLSearchParams; lastEventId: string | null }): StreamRequest {
  const raw = input.search.get('plateforme')?.trim().toLowerCase() ?? '';
  const platformId = raw === '' || raw === 'toutes' ? null : raw;
  if (platformId !== null && !ID_SLUG.test(platformId)) {
    throw new AppError('invalid_input', 'Paramètre « plateforme » invalide.', {
      issues: [{ field: 'plateforme', code: 'platform_invalid', message: 'Identifiant de plateforme invalide.' }],
    });
  }
  const depuis = input.search.get('depuis');
  const lastSeq = parseLastEventId(input.lastEventId, depuis);
  if (lastSeq === null && depuis !== null && depuis.trim() !== '') {
    throw new AppError('invalid_input', 'Paramètre « depuis » invalide : un numéro de séquence est attendu.', {
      issues: [{ field: 'depuis', code: 'seq_invalid', message: 'Numéro de séquence invalide.' }],
    });
  }
  return { platformId, lastSeq };
}

export const FULL_MESSAGE = 'Trop de connexions en direct sur ce serveur : nouvelle tentative dans quelques secondes.';

export function connectionCapError(retryAfterSeconds: number): AppError {
  return new AppError('unavailable', FULL_MESSAGE, { retryAfterSeconds });
}
