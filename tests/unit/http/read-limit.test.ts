import { describe, expect, test } from 'vitest';
import { invalidApiKey, parseAuthorization, readLimitKey, readRateLimited } from '@/lib/http/read-limit';

describe('parseAuthorization', () => {
  test.each([
    [null, { kind: 'none' }],
    ['', { kind: 'none' }],
    ['Bearer eep_abc', { kind: 'bearer', key: 'eep_abc' }],
    ['bearer   eep_abc ', { kind: 'bearer', key: 'eep_abc' }],
    ['Basic dXNlcjpwYXNz', { kind: 'malformed' }],
    ['Bearer', { kind: 'malformed' }],
    ['Bearer a b', { kind: 'malformed' }],
    [`Bearer ${'x'.repeat(101)}`, { kind: 'malformed' }],
  ])('%s → %o', (header, expected) => {
    expect(parseAuthorization(header)).toEqual(expected);
  });
});

describe('read limit errors', () => {
  test('429 with whole seconds to wait and a French message naming the limit', () => {
    const error = readRateLimited('anonymous', 1200, 1_500);
    expect(error.status).toBe(429);
    expect(error.code).toBe('rate_limited');
    expect(error.details?.retryAfterSeconds).toBe(2);
    expect(error.message).toBe('Trop de requêtes depuis cette connexion\u00a0: 1\u202f200 par minute au plus sans clé d’API. Réessayez dans 2\u00a0s.');
    expect(readRateLimited('api_key', 10, 0).details?.retryAfterSeconds).toBe(1);
  });

  test('401 codes tell a malformed header from an unknown key', () => {
    expect(invalidApiKey({ kind: 'malformed' }).details?.issues?.[0]?.code).toBe('authorization_malformed');
    expect(invalidApiKey({ kind: 'bearer', key: 'x' }).details?.issues?.[0]?.code).toBe('api_key_invalid');
    expect(invalidApiKey({ kind: 'bearer', key: 'x' }).status).toBe(401);
  });

  test('keys and sources never share a bucket', () => {
    expect(readLimitKey('anonymous', 'abc')).not.toBe(readLimitKey('api_key', 'abc'));
  });
});
