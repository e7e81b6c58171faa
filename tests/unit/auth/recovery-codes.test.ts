import { describe, expect, test } from 'vitest';
import { generateRecoveryCodes, hashRecoveryCode, looksLikeRecoveryCode } from '@/lib/auth/recovery-codes';
import { hashToken, randomToken } from '@/lib/auth/tokens';

describe('recovery codes', () => {
  test('ten distinct codes of the form xxxxx-xxxxx', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  });

  test('hash ignores case, spaces and dashes', () => {
    const [code = ''] = generateRecoveryCodes(1);
    expect(hashRecoveryCode(code.toUpperCase().replace('-', ' '))).toBe(hashRecoveryCode(code));
    expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});

describe('tokens', () => {
  test('random tokens are 256-bit base64url and stored as their SHA-256', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toBe(hashToken(randomToken()));
  });
});
