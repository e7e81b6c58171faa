import { describe, expect, test } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/http/db-errors';

describe('isDatabaseUnavailable', () => {
  test.each([
    'Raw query failed. Code: `57P03`. Message: `the database system is shutting down`',
    'the database system is starting up',
    'terminating connection due to administrator command',
    'Raw query failed. Code: `57P01`. Message: `x`',
    'connect ECONNREFUSED 127.0.0.1:5432',
  ])('%s → unavailable (503, not 500)', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });
  test('a constraint violation is not', () => {
    expect(isDatabaseUnavailable(new Error('Unique constraint failed on the fields: (`idempotency_key`)'))).toBe(false);
  });
});
