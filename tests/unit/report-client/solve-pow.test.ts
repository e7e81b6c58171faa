import { describe, expect, test } from 'vitest';
import { createPowConfig, createPowChallenge, verifyPowPayload } from '@/lib/pow/challenge';
import { isChallenge, solvePowChallenge } from '@/lib/report-client/solve-pow';

function usedChallenges() {
  const seen = new Set<string>();
  return { claim: async (nonce: string) => (seen.has(nonce) ? false : (seen.add(nonce), true)) };
}

describe('solvePowChallenge', () => {
  test('solves the server challenge with WebCrypto into a payload the server accepts', async () => {
    const now = new Date();
    const config = createPowConfig('a-test-secret-of-enough-length', { cost: 10, counterMin: 5, counterMax: 20 });
    const challenge = await createPowChallenge({ config, now });
    const fetchImpl: typeof fetch = async () => new Response(JSON.stringify({ enabled: true, challenge }));

    const header = await solvePowChallenge(fetchImpl);

    expect(header).toEqual(expect.any(String));
    const verdict = await verifyPowPayload({ payload: header, config, now, usedChallenges: usedChallenges() });
    expect(verdict).toEqual({ ok: true });
  });

  test.each([
    ['disabled', { enabled: false }],
    ['no challenge', { enabled: true }],
    ['a malformed challenge', { enabled: true, challenge: { parameters: { algorithm: 'PBKDF2/SHA-256' } } }],
    ['an unknown algorithm', { enabled: true, challenge: { parameters: { algorithm: 'MD5', nonce: 'aa', salt: 'bb', cost: 1, keyPrefix: 'cc' } } }],
  ])('returns null when the server offers %s', async (_name, body) => {
    const fetchImpl: typeof fetch = async () => new Response(JSON.stringify(body));
    expect(await solvePowChallenge(fetchImpl)).toBeNull();
  });

  test('isChallenge accepts the fields solveChallenge reads', () => {
    expect(isChallenge({ parameters: { algorithm: 'SHA-256', nonce: 'a', salt: 'b', cost: 1, keyPrefix: 'c' }, signature: 'd' })).toBe(true);
    expect(isChallenge({ parameters: { algorithm: 'SHA-256' } })).toBe(false);
  });
});
