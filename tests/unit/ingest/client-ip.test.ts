import { describe, test, expect } from 'vitest';
import { trustedProxyList } from '@/lib/http/trusted-proxies';
import { clientIp, ipForFingerprint, networkForFingerprint, normalizeIp } from '@/lib/ingest/client-ip';
import { formatIp } from '@/lib/ingest/ip-address';

describe('normalizeIp', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7:51234 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:cb00:7107', '203.0.113.7'],
    ['[2001:DB8:0:0:0:0:0:1]:443', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::', '::'],
    ['::1', '::1'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['1:0:3:4:5:6:7:8', '1:0:3:4:5:6:7:8'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  test.each([
    '',
    'unknown',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '12345::1',
    'gggg::1',
    '1.2.3.4.5',
  ])('rejects %j', (input) => {
    expect(normalizeIp(input)).toBeNull();
  });
});

describe('formatIp', () => {
  test('formats IPv4 as dotted quad', () => {
    expect(formatIp({ version: 4, bytes: [127, 0, 0, 1] })).toBe('127.0.0.1');
  });
});

describe('clientIp', () => {
  const trustedProxies = trustedProxyList(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);

  test.each([
    ['ignores XFF from an untrusted peer', '198.51.100.9', '1.2.3.4', '198.51.100.9'],
    ['uses XFF behind a trusted proxy', '10.0.0.2', '203.0.113.7', '203.0.113.7'],
    [
      'walks from the right skipping trusted proxies',
      '127.0.0.1',
      '6.6.6.6, 203.0.113.7, 10.0.0.5',
      '203.0.113.7',
    ],
    [
      'stops at the first untrusted hop (a spoofed left part is ignored)',
      '10.0.0.2',
      '1.1.1.1, 203.0.113.7',
      '203.0.113.7',
    ],
    ['keeps the proxy when XFF is absent', '10.0.0.2', null, '10.0.0.2'],
    [
      'keeps the last trusted hop on a malformed entry',
      '10.0.0.2',
      '203.0.113.7, garbage',
      '10.0.0.2',
    ],
    [
      'returns the leftmost hop when every hop is trusted',
      '10.0.0.2',
      '10.0.0.9, 10.0.0.8',
      '10.0.0.9',
    ],
    [
      'normalises IPv4-mapped peers before the trust check',
      '::ffff:127.0.0.1',
      '203.0.113.7',
      '203.0.113.7',
    ],
    ['handles IPv6 proxies and clients', 'fd00::1', '2001:db8::7, fd00::2', '2001:db8::7'],
    ['handles bracketed hops with ports', '10.0.0.2', '[2001:db8::7]:1234', '2001:db8::7'],
    ['normalises an untrusted IPv6 peer', '2001:DB8::0:1', '1.2.3.4', '2001:db8::1'],
  ])('%s', (_name, peerAddress, forwardedFor, expected) => {
    expect(clientIp({ peerAddress, forwardedFor, trustedProxies })).toBe(expected);
  });

  test('joins several X-Forwarded-For header lines', () => {
    expect(
      clientIp({
        peerAddress: '10.0.0.2',
        forwardedFor: ['1.1.1.1', '203.0.113.7, 10.0.0.3'],
        trustedProxies,
      }),
    ).toBe('203.0.113.7');
  });

  test('trusts nothing without configured proxies', () => {
    expect(
      clientIp({ peerAddress: '127.0.0.1', forwardedFor: '203.0.113.7', trustedProxies: trustedProxyList([]) }),
    ).toBe('127.0.0.1');
  });

  test('returns null without a usable peer address', () => {
    expect(clientIp({ peerAddress: null, forwardedFor: '203.0.113.7', trustedProxies })).toBeNull();
    expect(
      clientIp({ peerAddress: 'unix:/tmp/sock', forwardedFor: null, trustedProxies }),
    ).toBeNull();
  });
});

describe('ipForFingerprint', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8::/64'],
    ['not-an-ip', 'not-an-ip'],
  ])('maps %s to %s', (ip, expected) => {
    expect(ipForFingerprint(ip)).toBe(expected);
  });
});

describe('networkForFingerprint', () => {
  test.each([
    ['203.0.113.7', '203.0.113.0/24'],
    ['::ffff:203.0.113.7', '203.0.113.0/24'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1::/48'],
    ['not-an-ip', 'not-an-ip'],
  ])('maps %s to %s', (ip, expected) => {
    expect(networkForFingerprint(ip)).toBe(expected);
  });
});
