import { describe, expect, test } from 'vitest';
import { waitingCause } from '@/lib/report-client/network-state';

describe('waitingCause', () => {
  test.each([
    ['network', false, 'offline'],
    ['server', false, 'offline'],
    ['network', true, 'unreachable'],
    ['server', true, 'server'],
    ['invalid_response', true, 'server'],
    ['rate_limited', true, 'busy'],
    ['pow', true, 'busy'],
  ] as const)('%s while online=%s → %s', (reason, online, cause) => {
    expect(waitingCause(reason, online)).toBe(cause);
  });
});
