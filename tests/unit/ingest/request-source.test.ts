import { describe, expect, test, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TRUSTED_PROXIES = '127.0.0.1';
});

import { peerHeaderValue, PEER_HEADER } from '@/lib/http/peer';
import { requestClientIp, requestSourceKey } from '@/lib/ingest/request-source';

describe('requestClientIp', () => {
  test('is derived once per Headers object, and again when the peer stamp changes', () => {
    const headers = new Headers({ [PEER_HEADER]: peerHeaderValue('203.0.113.7') });
    expect(requestClientIp(headers)).toBe('203.0.113.7');
    expect(requestClientIp(headers)).toBe('203.0.113.7');
    headers.set(PEER_HEADER, peerHeaderValue('198.51.100.9'));
    expect(requestClientIp(headers)).toBe('198.51.100.9');
    expect(requestSourceKey(headers)).toBe('198.51.100.9');
    headers.set(PEER_HEADER, 'forged direct 192.0.2.1');
    expect(requestClientIp(headers)).toBeNull();
  });

  test('follows X-Forwarded-For from a trusted proxy, and a change of it', () => {
    const headers = new Headers({ [PEER_HEADER]: peerHeaderValue('127.0.0.1', true), 'x-forwarded-for': '203.0.113.7' });
    expect(requestClientIp(headers)).toBe('203.0.113.7');
    headers.set('x-forwarded-for', '203.0.113.8');
    expect(requestClientIp(headers)).toBe('203.0.113.8');
    headers.delete('x-forwarded-for');
    expect(requestClientIp(headers)).toBe('127.0.0.1');
  });
});
