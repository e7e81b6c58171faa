import { formatCount } from '@/lib/domain/format';
import { AppError } from './errors';

/** Read limits count requests over a sliding minute. */
export const READ_WINDOW_MS = 60_000;
const API_KEY_MAX_LENGTH = 100;

export type ReadTier = 'anonymous' | 'api_key';

export type ReadCredential = { kind: 'none' } | { kind: 'bearer'; key: string } | { kind: 'malformed' };

/** `Authorization: Bearer <key>`; no header is an anonymous reader. Keys in the query string are not accepted (they end up in logs). */
export function parseAuthorization(header: string | null): ReadCredential {
  if (header === null || header.trim() === '') return { kind: 'none' };
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header.trim());
  if (!match?.[1] || match[1].length > API_KEY_MAX_LENGTH) return { kind: 'malformed' };
  return { kind: 'bearer', key: match[1] };
}

/** Rate-limit bucket: one per source fingerprint without a key, one per key with it. */
export function readLimitKey(tier: ReadTier, id: string): string {
  return tier === 'api_key' ? `read:key:${id}` : `read:source:${id}`;
}

export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

export function readRateLimited(tier: ReadTier, limit: number, retryAfterMs: number): AppError {
  const seconds = retryAfterSeconds(retryAfterMs);
  const message =
    tier === 'api_key'
      ? `Trop de requêtes pour cette clé d’API\u00a0: ${formatCount(limit)} par minute au plus. Réessayez dans ${seconds}\u00a0s.`
      : `Trop de requêtes depuis cette connexion\u00a0: ${formatCount(limit)} par minute au plus sans clé d’API. Réessayez dans ${seconds}\u00a0s.`;
  return new AppError('rate_limited', message, { retryAfterSeconds: seconds });
}

export function invalidApiKey(credential: ReadCredential): AppError {
  const malformed = credential.kind === 'malformed';
  const message = malformed
    ? 'En-tête Authorization invalide\u00a0: envoyez « Bearer » suivi de votre clé d’API.'
    : 'Clé d’API inconnue ou révoquée.';
  return new AppError('unauthorized', message, {
    issues: [{ field: 'authorization', code: malformed ? 'authorization_malformed' : 'api_key_invalid', message }],
  });
}

export function apiKeyWithoutRight(): AppError {
  const message = 'Le compte de cette clé d’API n’a plus le rôle qui donne droit aux limites élargies.';
  return new AppError('forbidden', message, { issues: [{ field: 'authorization', code: 'api_key_forbidden', message }] });
}
