import { describe, expect, test } from 'vitest';
import { isTrustedProxy, trustedProxyList } from '@/lib/http/trusted-proxies';

describe('trustedProxyList and isTrustedProxy', () => {
  test.each([
    ['10.1.2.3', '10.0.0.0/8', true],
    ['11.0.0.1', '10.0.0.0/8', false],
    ['172.31.255.255', '172.16.0.0/12', true],
    ['172.32.0.0', '172.16.0.0/12', false],
    ['192.0.2.1', '192.0.2.1', true],
    ['192.0.2.2', '192.0.2.1', false],
    ['2001:db8:abcd::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['::ffff:10.0.0.1', '10.0.0.0/8', true],
    ['::ffff:7f00:1', '127.0.0.1', true],
    ['10.0.0.1', '::/0', false],
    ['8.8.8.8', '0.0.0.0/0', true],
    ['::1', '::1', true],
    ['fd00::2', 'fd00::/8', true],
  ])('%s in %s is %s', (ip, range, expected) => {
    expect(isTrustedProxy(trustedProxyList([range]), ip)).toBe(expected);
  });

  test('matches any entry of a list, spaces allowed', () => {
    const list = trustedProxyList([' 127.0.0.1', '10.0.0.0/8 ', 'fd00::/8']);
    expect(['127.0.0.1', '10.9.9.9', 'fd00::1'].map((ip) => isTrustedProxy(list, ip))).toEqual([true, true, true]);
    expect(['127.0.0.2', '11.0.0.1', 'fe00::1'].map((ip) => isTrustedProxy(list, ip))).toEqual([false, false, false]);
  });

  test('trusts nothing when empty, and never a missing or non-IP address', () => {
    expect(isTrustedProxy(trustedProxyList([]), '127.0.0.1')).toBe(false);
    const list = trustedProxyList(['0.0.0.0/0', '::/0']);
    expect([undefined, null, '', 'unix:/tmp/sock', 'unknown'].map((ip) => isTrustedProxy(list, ip))).toEqual([false, false, false, false, false]);
  });

  test.each(['10.0.0.0/33', '2001:db8::/129', 'nope/8', '10.0.0.0/8/1', '10.0.0.0/x', '10.0.0.0/', '10.0.0.0/-1', '01.2.3.4'])(
    'throws a French error on %s',
    (range) => {
      expect(() => trustedProxyList([range])).toThrow(/invalide/);
    },
  );
});

describe('isTrustedProxy memo', () => {
  test('answers the same when asked again, per list', () => {
    const a = trustedProxyList(['10.0.0.0/8']);
    const b = trustedProxyList(['11.0.0.0/8']);
    for (let round = 0; round < 3; round += 1) {
      expect([isTrustedProxy(a, '10.1.1.1'), isTrustedProxy(b, '10.1.1.1')]).toEqual([true, false]);
      expect([isTrustedProxy(a, '11.1.1.1'), isTrustedProxy(b, '11.1.1.1')]).toEqual([false, true]);
    }
  });

  test('stays right past the memo size', () => {
    const list = trustedProxyList(['10.0.0.0/16']);
    for (let i = 0; i < 5000; i += 1) {
      const ip = `10.${i % 2}.${(i >> 8) & 255}.${i & 255}`;
      expect(isTrustedProxy(list, ip)).toBe(i % 2 === 0);
    }
  });
});
