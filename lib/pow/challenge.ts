import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey as derivePbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as deriveSha } from 'altcha-lib/algorithms/sha';
import { parsePowPayload } from './payload';
import {
  POW_ALGORITHM,
  POW_COST,
  POW_COUNTER_MAX,
  POW_COUNTER_MIN,
  POW_TTL_MS,
} from './thresholds';
import type { UsedChallengeStore } from './used-challenges';

export type PowAlgorithm = 'SHA-256' | 'PBKDF2/SHA-256';

export type PowConfig = {
  secret: string;
  algorithm: PowAlgorithm;
  /** Iterations per attempt (PBKDF2) or hash rounds (SHA-256). */
  cost: number;
  /** The solver tries counters from 0, so the work is uniform in [counterMin, counterMax] attempts. */
  counterMin: number;
  counterMax: number;
  ttlMs: number;
};

export type PowFailure =
  'missing' | 'malformed' | 'expired' | 'invalid_signature' | 'invalid_solution' | 'replayed';

export type PowVerdict = { ok: true } | { ok: false; reason: PowFailure; message: string };

export const POW_FAILURE_MESSAGES: Record<PowFailure, string> = {
  missing: 'Vérification anti-robot manquante : rechargez la page.',
  malformed: 'Vérification anti-robot illisible : rechargez la page.',
  expired: 'La vérification anti-robot a expiré : renvoyez le signalement.',
  invalid_signature: 'Vérification anti-robot invalide : rechargez la page.',
  invalid_solution: 'Vérification anti-robot incorrecte : réessayez.',
  replayed: 'Cette vérification anti-robot a déjà servi : rechargez la page.',
};

export function createPowConfig(
  secret: string,
  overrides: Partial<Omit<PowConfig, 'secret'>> = {},
): PowConfig {
  if (secret.length < 16) throw new Error('Secret PoW trop court (16 caractères minimum).');
  return {
    secret,
    algorithm: POW_ALGORITHM,
    cost: POW_COST,
    counterMin: POW_COUNTER_MIN,
    counterMax: POW_COUNTER_MAX,
    ttlMs: POW_TTL_MS,
    ...overrides,
  };
}

// Two independent keys from one configured secret: one signs the challenge, one signs the derived key.
function subKey(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`altcha:${purpose}`).digest('hex');
}

function deriveKeyFor(algorithm: PowAlgorithm) {
  return algorithm === 'SHA-256' ? deriveSha : derivePbkdf2;
}

/** A signed, expiring challenge (altcha v2, deterministic mode) to send to the browser as JSON. */
export async function createPowChallenge(input: {
  config: PowConfig;
  now: Date;
}): Promise<Challenge> {
  const { config, now } = input;
  return createChallenge({
    algorithm: config.algorithm,
    cost: config.cost,
    counter: randomInt(config.counterMax, config.counterMin),
    deriveKey: deriveKeyFor(config.algorithm),
    expiresAt: new Date(now.getTime() + config.ttlMs),
    hmacSignatureSecret: subKey(config.secret, 'signature'),
    hmacKeySignatureSecret: subKey(config.secret, 'key'),
  });
}

function failure(reason: PowFailure): PowVerdict {
  return { ok: false, reason, message: POW_FAILURE_MESSAGES[reason] };
}

/**
 * Verifies the widget payload (base64 JSON `{ challenge, solution }`) and burns its nonce.
 * Expiry is checked against `now`; altcha-lib also checks it against the system clock.
 */
export async function verifyPowPayload(input: {
  payload: string | null | undefined;
  config: PowConfig;
  now: Date;
  usedChallenges: UsedChallengeStore;
}): Promise<PowVerdict> {
  const { config, now } = input;
  if (!input.payload) return failure('missing');
  const payload = parsePowPayload(input.payload);
  if (!payload) return failure('malformed');
  const expiresAtMs = payload.challenge.parameters.expiresAt * 1000;
  if (expiresAtMs <= now.getTime()) return failure('expired');
  try {
    const result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey: deriveKeyFor(config.algorithm),
      hmacSignatureSecret: subKey(config.secret, 'signature'),
      hmacKeySignatureSecret: subKey(config.secret, 'key'),
    });
    if (result.expired) return failure('expired');
    if (result.invalidSignature) return failure('invalid_signature');
    if (!result.verified) return failure('invalid_solution');
  } catch {
    return failure('malformed');
  }
  const fresh = await input.usedChallenges.claim(
    payload.challenge.parameters.nonce,
    expiresAtMs,
    now.getTime(),
  );
  return fresh ? { ok: true } : failure('replayed');
}
