import type { Challenge } from 'altcha-lib';

export const POW_CHALLENGE_ENDPOINT = '/api/pow/challenge';
/** Give up on a challenge after this long (ms): the report stays in the outbox and is retried. */
export const POW_SOLVE_TIMEOUT_MS = 60_000;

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields solveChallenge reads; the rest of the object is passed through untouched for the signature check. */
export function isChallenge(value: unknown): value is Challenge {
  if (!isRecord(value) || !isRecord(value.parameters)) return false;
  const p = value.parameters;
  return (
    typeof p.algorithm === 'string' &&
    typeof p.nonce === 'string' &&
    typeof p.salt === 'string' &&
    typeof p.cost === 'number' &&
    typeof p.keyPrefix === 'string' &&
    (value.signature === undefined || typeof value.signature === 'string')
  );
}

async function loadDeriveKey(algorithm: string) {
  if (algorithm.startsWith('PBKDF2/')) return (await import('altcha-lib/algorithms/web/pbkdf2')).deriveKey;
  if (algorithm.startsWith('SHA-')) return (await import('altcha-lib/algorithms/web/sha')).deriveKey;
  return null;
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Fetches the current challenge and solves it with WebCrypto (1–3 s on a phone); returns the
 * `x-altcha` header value, or null when no challenge is offered or it cannot be solved.
 */
export async function solvePowChallenge(fetchImpl: typeof fetch): Promise<string | null> {
  const res = await fetchImpl(`${POW_CHALLENGE_ENDPOINT}?requested=1`, { cache: 'no-store' });
  if (!res.ok) return null;
  const body: unknown = await res.json().catch(() => null);
  if (!isRecord(body) || body.enabled !== true || !isChallenge(body.challenge)) return null;
  const challenge = body.challenge;
  const deriveKey = await loadDeriveKey(challenge.parameters.algorithm);
  if (!deriveKey) return null;
  const { solveChallenge } = await import('altcha-lib');
  const solution = await solveChallenge({ challenge, deriveKey, timeout: POW_SOLVE_TIMEOUT_MS });
  if (!solution) return null;
  return toBase64(JSON.stringify({ challenge, solution }));
}
