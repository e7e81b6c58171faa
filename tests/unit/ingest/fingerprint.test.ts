import { describe, expect, test } from 'vitest';
import {
  deviceTokenHash,
  networkFingerprint,
  shortLabel,
  sourceFingerprint,
  utcDay,
} from '@/lib/ingest/fingerprint';

const key = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
const otherKey = Buffer.from('fedcba9876543210fedcba9876543210', 'hex');

describe('utcDay', () => {
  test('is the UTC calendar day', () => {
    expect(utcDay(new Date('2021-04-05T23:30:00Z'))).toBe('2021-04-05');
    expect(utcDay(new Date('2021-04-05T23:30:00-02:00'))).toBe('2021-04-06');
  });
});

describe('sourceFingerprint', () => {
  test('is a 64-char hex string without the address', () => {
    const fingerprint = sourceFingerprint({ ip: '203.0.113.7', key });
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).not.toContain('203');
  });

  test('differs by address and by key; the browser is not an input at all', () => {
    const base = sourceFingerprint({ ip: '203.0.113.7', key });
    expect(sourceFingerprint({ ip: '203.0.113.8', key })).not.toBe(base);
    expect(sourceFingerprint({ ip: '203.0.113.7', key: otherKey })).not.toBe(base);
    expect(sourceFingerprint({ ip: '203.0.113.7', key })).toBe(base);
  });

  test('groups an IPv6 /64 and matches IPv4-mapped addresses', () => {
    expect(sourceFingerprint({ ip: '2001:db8:1:2::1', key })).toBe(sourceFingerprint({ ip: '2001:db8:1:2:aaaa:bbbb:cccc:dddd', key }));
    expect(sourceFingerprint({ ip: '2001:db8:1:2::1', key })).not.toBe(sourceFingerprint({ ip: '2001:db8:1:3::1', key }));
    expect(sourceFingerprint({ ip: '::ffff:203.0.113.7', key })).toBe(sourceFingerprint({ ip: '203.0.113.7', key }));
  });

  test('rejects a short key', () => {
    expect(() => sourceFingerprint({ ip: '1.2.3.4', key: Buffer.alloc(8) })).toThrow();
  });
});

describe('networkFingerprint', () => {
  test('groups an IPv4 /24 and an IPv6 /48, and differs from the source fingerprint', () => {
    expect(networkFingerprint({ ip: '203.0.113.7', key })).toBe(networkFingerprint({ ip: '203.0.113.250', key }));
    expect(networkFingerprint({ ip: '203.0.113.7', key })).not.toBe(networkFingerprint({ ip: '203.0.114.7', key }));
    expect(networkFingerprint({ ip: '2001:db8:1:2::1', key })).toBe(networkFingerprint({ ip: '2001:db8:1:ffff::9', key }));
    expect(networkFingerprint({ ip: '2001:db8:1::1', key })).not.toBe(networkFingerprint({ ip: '2001:db8:2::1', key }));
    expect(networkFingerprint({ ip: '203.0.113.7', key })).not.toBe(sourceFingerprint({ ip: '203.0.113.7', key }));
  });
});

describe('deviceTokenHash', () => {
  test('depends on the day key, so a device links within one day only', () => {
    const token = 'a1b2c3d4e5f6a7b8c9d0';
    expect(deviceTokenHash({ token, key })).toMatch(/^[0-9a-f]{64}$/);
    expect(deviceTokenHash({ token, key })).not.toBe(deviceTokenHash({ token, key: otherKey }));
  });
});

describe('shortLabel', () => {
  test('is S- and six uppercase hex characters', () => {
    expect(shortLabel('7f3a2c9b00')).toBe('S-7F3A2C');
    expect(shortLabel(sourceFingerprint({ ip: '203.0.113.7', key }))).toMatch(/^S-[0-9A-F]{6}$/);
  });
});
