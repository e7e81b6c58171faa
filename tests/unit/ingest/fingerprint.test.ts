import { describe, test, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { daySalt, shortLabel, sourceFingerprint, uaFamily, utcDay } from '@/lib/ingest/fingerprint';

const secret = 'test-secret-0123456789abcdef';
const chromeAndroid =
  'Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36';
const safariIos =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

function fingerprintAt(
  iso: string,
  ip = '203.0.113.7',
  userAgent: string | null = chromeAndroid,
): string {
  return sourceFingerprint({ ip, userAgent, secret, now: new Date(iso) });
}

describe('uaFamily', () => {
  test.each([
    [chromeAndroid, 'chrome-android'],
    [safariIos, 'safari-ios'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0 Mobile/15E148 Safari/604.1',
      'chrome-ios',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:124.0) Gecko/20100101 Firefox/124.0',
      'firefox-desktop',
    ],
    ['Mozilla/5.0 (Android 14; Mobile; rv:124.0) Gecko/124.0 Firefox/124.0', 'firefox-android'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.81',
      'edge-desktop',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      'safari-desktop',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
      'samsung-android',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 OPR/109.0.0.0',
      'opera-desktop',
    ],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'bot'],
    ['curl/8.5.0', 'bot'],
    ['python-requests/2.31.0', 'bot'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/123.0.0.0 Safari/537.36',
      'bot',
    ],
    ['', 'other'],
    [null, 'other'],
    ['Lynx/2.9.0', 'other'],
  ])('classifies %j as %s', (ua, family) => {
    expect(uaFamily(ua)).toBe(family);
  });
});

describe('daySalt', () => {
  test('is HMAC(secret, YYYY-MM-DD) of the UTC day', () => {
    const expected = createHmac('sha256', secret).update('2021-04-05').digest();
    // 01:30 in Paris on 6 April is still 5 April in UTC.
    expect(daySalt(secret, new Date('2021-04-05T23:30:00Z'))).toEqual(expected);
    expect(daySalt(secret, '2021-04-05')).toEqual(expected);
    expect(utcDay(new Date('2021-04-05T23:30:00-02:00'))).toBe('2021-04-06');
  });
});

describe('sourceFingerprint', () => {
  test('is a 64-char hex string', () => {
    expect(fingerprintAt('2021-04-06T07:02:00Z')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('is stable within a UTC day', () => {
    expect(fingerprintAt('2021-04-06T00:00:00Z')).toBe(fingerprintAt('2021-04-06T23:59:59.999Z'));
  });

  test('rotates at midnight UTC', () => {
    expect(fingerprintAt('2021-04-06T23:59:59.999Z')).not.toBe(
      fingerprintAt('2021-04-07T00:00:00Z'),
    );
  });

  test('differs by IP, by UA family and by secret, not by UA version', () => {
    const base = fingerprintAt('2021-04-06T07:02:00Z');
    expect(fingerprintAt('2021-04-06T07:02:00Z', '203.0.113.8')).not.toBe(base);
    expect(fingerprintAt('2021-04-06T07:02:00Z', '203.0.113.7', safariIos)).not.toBe(base);
    expect(
      fingerprintAt('2021-04-06T07:02:00Z', '203.0.113.7', chromeAndroid.replace('123.0', '124.0')),
    ).toBe(base);
    const other = sourceFingerprint({
      ip: '203.0.113.7',
      userAgent: chromeAndroid,
      secret: `${secret}x`,
      now: new Date('2021-04-06T07:02:00Z'),
    });
    expect(other).not.toBe(base);
  });

  test('groups an IPv6 /64 and matches IPv4-mapped addresses', () => {
    const at = '2021-04-06T07:02:00Z';
    expect(fingerprintAt(at, '2001:db8:1:2::1')).toBe(
      fingerprintAt(at, '2001:db8:1:2:aaaa:bbbb:cccc:dddd'),
    );
    expect(fingerprintAt(at, '2001:db8:1:2::1')).not.toBe(fingerprintAt(at, '2001:db8:1:3::1'));
    expect(fingerprintAt(at, '::ffff:203.0.113.7')).toBe(fingerprintAt(at));
  });

  test('does not contain the IP or the secret', () => {
    const fingerprint = fingerprintAt('2021-04-06T07:02:00Z');
    expect(fingerprint).not.toContain('203');
    expect(fingerprint).not.toContain(Buffer.from(secret).toString('hex').slice(0, 12));
  });

  test('rejects a short secret', () => {
    expect(() =>
      sourceFingerprint({ ip: '1.2.3.4', userAgent: null, secret: 'short', now: new Date() }),
    ).toThrow();
  });
});

describe('shortLabel', () => {
  test('is S- and six uppercase hex characters', () => {
    expect(shortLabel('7f3a2c9b00')).toBe('S-7F3A2C');
    expect(shortLabel(fingerprintAt('2021-04-06T07:02:00Z'))).toMatch(/^S-[0-9A-F]{6}$/);
  });
});
