import { describe, expect, test } from 'vitest';
import { isSameOrigin } from '@/lib/http/origin';
import { PEER_HEADER, peerHeaderValue, readPeer, requestHost } from '@/lib/http/peer';

describe('readPeer', () => {
  test('reads the address our server stamped', () => {
    expect(readPeer(new Headers({ [PEER_HEADER]: peerHeaderValue('203.0.113.7') }))).toEqual({ address: '203.0.113.7', trustedProxy: false });
    expect(readPeer(new Headers({ [PEER_HEADER]: peerHeaderValue('10.0.0.2', true) }))).toEqual({ address: '10.0.0.2', trustedProxy: true });
  });

  test.each([
    ['a bare address sent by a client', '203.0.113.7'],
    ['a forged stamp', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA direct 203.0.113.7'],
    ['a stamp with an extra field', `${peerHeaderValue('1.2.3.4')} 5.6.7.8`],
    ['an empty value', ''],
  ])('ignores %s', (_name, value) => {
    expect(readPeer(new Headers({ [PEER_HEADER]: value }))).toBeNull();
  });
});

describe('requestHost', () => {
  test('believes X-Forwarded-Host only from a trusted proxy', () => {
    const base = { host: 'ecole.example', 'x-forwarded-host': 'evil.example' };
    expect(requestHost(new Headers({ ...base, [PEER_HEADER]: peerHeaderValue('203.0.113.7') }))).toBe('ecole.example');
    expect(requestHost(new Headers(base))).toBe('ecole.example');
    expect(requestHost(new Headers({ ...base, [PEER_HEADER]: peerHeaderValue('10.0.0.2', true) }))).toBe('evil.example');
  });
});

describe('isSameOrigin', () => {
  const direct = { host: 'ecole.example', [PEER_HEADER]: peerHeaderValue('203.0.113.7') };
  test.each([
    ['same origin', { origin: 'http://ecole.example' }, true],
    ['another origin', { origin: 'http://evil.example' }, false],
    ['another origin with a forged X-Forwarded-Host', { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }, false],
    ['an unparsable origin', { origin: 'null' }, false],
    ['no Origin, cross-site fetch metadata', { 'sec-fetch-site': 'cross-site' }, false],
    ['no Origin, same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }, false],
    ['no Origin, same-origin fetch metadata', { 'sec-fetch-site': 'same-origin' }, true],
    ['a non-browser client (neither header)', {}, true],
  ])('%s → %s', (_name, extra, expected) => {
    expect(isSameOrigin(new Headers({ ...direct, ...extra }))).toBe(expected);
  });
});
