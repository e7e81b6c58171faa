import { describe, expect, test } from 'vitest';
import { base32Decode, base32Encode, formatSecret, generateTotp, hotp, matchTotp, newTotpSecret, otpauthUri, totpStep } from '@/lib/auth/totp';

const RFC_KEY = Buffer.from('12345678901234567890');

describe('hotp', () => {
  test.each([
    [0, '755224'],
    [1, '287082'],
    [9, '520489'],
  ])('matches RFC 4226 appendix D at counter %i', (counter, code) => {
    expect(hotp(RFC_KEY, counter)).toBe(code);
  });

  test.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [2000000000, '69279037'],
  ])('matches RFC 6238 appendix B (SHA-1, 8 digits) at %i s', (seconds, code) => {
    expect(hotp(RFC_KEY, totpStep(seconds * 1000), 8)).toBe(code);
  });
});

describe('base32', () => {
  test('round-trips bytes and ignores spaces, dashes and case', () => {
    const bytes = Buffer.from('hello totp secret');
    const text = base32Encode(bytes);
    expect(base32Decode(text)).toEqual(bytes);
    expect(base32Decode(formatSecret(text).toLowerCase())).toEqual(bytes);
  });

  test('rejects characters outside the alphabet', () => {
    expect(() => base32Decode('ABC1')).toThrow();
  });
});

describe('matchTotp', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 10, 28, 8, 0, 10);

  test('accepts the current code and returns its step', () => {
    expect(matchTotp({ secret, code: generateTotp(secret, now), nowMs: now })).toBe(totpStep(now));
  });

  test('accepts one step of drift either side, not two', () => {
    expect(matchTotp({ secret, code: generateTotp(secret, now - 30_000), nowMs: now })).toBe(totpStep(now) - 1);
    expect(matchTotp({ secret, code: generateTotp(secret, now + 30_000), nowMs: now })).toBe(totpStep(now) + 1);
    expect(matchTotp({ secret, code: generateTotp(secret, now - 90_000), nowMs: now })).toBeNull();
  });

  test('refuses malformed codes', () => {
    expect(matchTotp({ secret, code: '12345', nowMs: now })).toBeNull();
    expect(matchTotp({ secret, code: 'abcdef', nowMs: now })).toBeNull();
  });
});

describe('newTotpSecret and otpauthUri', () => {
  test('makes 160-bit secrets and an otpauth URI with the issuer', () => {
    const secret = newTotpSecret();
    expect(base32Decode(secret)).toHaveLength(20);
    const uri = otpauthUri({ secret, account: 'modo@example.org', issuer: 'École en panne' });
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    expect(new URL(uri).searchParams.get('secret')).toBe(secret);
  });
});
