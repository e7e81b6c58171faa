import { describe, test, expect } from 'vitest';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey as derivePbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as deriveSha } from 'altcha-lib/algorithms/sha';
import {
  createPowChallenge,
  createPowConfig,
  verifyPowPayload,
  POW_FAILURE_MESSAGES,
  type PowConfig,
} from '@/lib/pow/challenge';
import { encodePowPayload, parsePowPayload } from '@/lib/pow/payload';
import type { UsedChallengeStore } from '@/lib/pow/used-challenges';

function createMemoryUsedChallengeStore(_: { maxEntries: number }): UsedChallengeStore {
  const used = new Set<string>();
  return { claim: (id) => Promise.resolve(!used.has(id) && Boolean(used.add(id))) };
}

const secret = 'pow-test-secret-0123456789';
const cheap = { algorithm: 'SHA-256', cost: 1, counterMin: 1, counterMax: 50 } as const;

async function solvedPayload(
  config: PowConfig,
  now: Date,
): Promise<{ challenge: Challenge; payload: string }> {
  const challenge = await createPowChallenge({ config, now });
  const deriveKey = config.algorithm === 'SHA-256' ? deriveSha : derivePbkdf2;
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 10_000 });
  if (!solution) throw new Error('unsolved');
  const parsed = parsePowPayload(
    Buffer.from(JSON.stringify({ challenge, solution })).toString('base64'),
  );
  if (!parsed) throw new Error('unparsable');
  return { challenge, payload: encodePowPayload(parsed) };
}

function verify(
  payload: string | null,
  config: PowConfig,
  now: Date,
  store = createMemoryUsedChallengeStore({ maxEntries: 100 }),
) {
  return verifyPowPayload({ payload, config, now, usedChallenges: store });
}

describe('createPowChallenge', () => {
  test('creates a signed, expiring challenge with the configured parameters', async () => {
    const now = new Date();
    const config = createPowConfig(secret, { ...cheap, ttlMs: 60_000 });
    const challenge = await createPowChallenge({ config, now });
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters).toMatchObject({ algorithm: 'SHA-256', cost: 1 });
    expect(challenge.parameters.expiresAt).toBe(Math.floor((now.getTime() + 60_000) / 1000));
    expect(challenge.parameters.keySignature).toBeDefined();
    expect(JSON.stringify(challenge)).not.toContain(secret);
  });

  test('defaults to PBKDF2 with a phone-friendly cost', () => {
    expect(createPowConfig(secret)).toMatchObject({
      algorithm: 'PBKDF2/SHA-256',
      cost: 1_000,
      ttlMs: 600_000,
    });
    expect(() => createPowConfig('short')).toThrow();
  });
});

describe('verifyPowPayload', () => {
  test.each([
    ['SHA-256', createPowConfig(secret, cheap)],
    [
      'PBKDF2/SHA-256',
      createPowConfig(secret, {
        algorithm: 'PBKDF2/SHA-256',
        cost: 10,
        counterMin: 1,
        counterMax: 20,
      }),
    ],
  ])('accepts a real %s solution once, then rejects its replay', async (_name, config) => {
    const now = new Date();
    const store = createMemoryUsedChallengeStore({ maxEntries: 100 });
    const { payload } = await solvedPayload(config, now);
    expect(await verify(payload, config, now, store)).toEqual({ ok: true });
    expect(await verify(payload, config, new Date(now.getTime() + 1_000), store)).toEqual({
      ok: false,
      reason: 'replayed',
      message: POW_FAILURE_MESSAGES.replayed,
    });
  });

  test('rejects an expired challenge', async () => {
    const now = new Date();
    const config = createPowConfig(secret, { ...cheap, ttlMs: 60_000 });
    const { payload } = await solvedPayload(config, now);
    const result = await verify(payload, config, new Date(now.getTime() + 61_000));
    expect(result).toMatchObject({ ok: false, reason: 'expired' });
  });

  test('rejects a challenge signed with another secret', async () => {
    const now = new Date();
    const { payload } = await solvedPayload(createPowConfig(`${secret}-other`, cheap), now);
    expect(await verify(payload, createPowConfig(secret, cheap), now)).toMatchObject({
      reason: 'invalid_signature',
    });
  });

  test('rejects tampered parameters', async () => {
    const now = new Date();
    const config = createPowConfig(secret, cheap);
    const { payload } = await solvedPayload(config, now);
    const decoded = parsePowPayload(payload);
    if (!decoded) throw new Error('unparsable');
    decoded.challenge.parameters.expiresAt += 3_600;
    expect(await verify(encodePowPayload(decoded), config, now)).toMatchObject({
      reason: 'invalid_signature',
    });
  });

  test('rejects a wrong solution', async () => {
    const now = new Date();
    const config = createPowConfig(secret, cheap);
    const { payload } = await solvedPayload(config, now);
    const decoded = parsePowPayload(payload);
    if (!decoded) throw new Error('unparsable');
    decoded.solution = { counter: decoded.solution.counter + 1, derivedKey: '00'.repeat(32) };
    expect(await verify(encodePowPayload(decoded), config, now)).toMatchObject({
      reason: 'invalid_solution',
    });
  });

  test.each([
    ['missing', null, 'missing'],
    ['empty', '', 'missing'],
    ['not base64 JSON', '%%%', 'malformed'],
    ['JSON of the wrong shape', Buffer.from('{"challenge":{}}').toString('base64'), 'malformed'],
    ['oversized', 'A'.repeat(5_000), 'malformed'],
  ])('rejects a %s payload', async (_name, payload, reason) => {
    expect(await verify(payload, createPowConfig(secret, cheap), new Date())).toMatchObject({
      ok: false,
      reason,
    });
  });
});
