import { createHmac } from 'node:crypto';
import { ipForFingerprint } from './client-ip';

export type UaBrowser = 'chrome' | 'firefox' | 'safari' | 'edge' | 'samsung' | 'opera';
export type UaPlatform = 'android' | 'ios' | 'desktop';
export type UaFamily = `${UaBrowser}-${UaPlatform}` | 'bot' | 'other';

const BOT =
  /bot|crawl|spider|slurp|curl|wget|python|httpclient|okhttp|java\/|go-http|node-fetch|axios|headless|phantom|scrapy|libwww|postman|insomnia/i;

function detectPlatform(ua: string): UaPlatform {
  if (/iphone|ipad|ipod/i.test(ua)) return 'ios';
  if (/android/i.test(ua)) return 'android';
  return 'desktop';
}

function detectBrowser(ua: string): UaBrowser | null {
  if (/edg(e|a|ios)?\//i.test(ua)) return 'edge';
  if (/opr\/|opt\/|opera/i.test(ua)) return 'opera';
  if (/samsungbrowser\//i.test(ua)) return 'samsung';
  if (/firefox\/|fxios\//i.test(ua)) return 'firefox';
  if (/chrome\/|crios\/|chromium\//i.test(ua)) return 'chrome';
  if (/safari\//i.test(ua) || /applewebkit\//i.test(ua)) return 'safari';
  return null;
}

/** Coarse browser family, so that people sharing one (CG)NAT address with different browsers differ. */
export function uaFamily(userAgent: string | null | undefined): UaFamily {
  const ua = userAgent?.trim() ?? '';
  if (ua === '') return 'other';
  if (BOT.test(ua)) return 'bot';
  const browser = detectBrowser(ua);
  return browser === null ? 'other' : `${browser}-${detectPlatform(ua)}`;
}

/** UTC calendar day as YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

let lastSalt: { secret: string; label: string; salt: Buffer } | null = null;

/** Per-day key HMAC-SHA256(secret, 'YYYY-MM-DD' UTC): yesterday's fingerprints don't link to today's. */
export function daySalt(secret: string, day: Date | string): Buffer {
  const label = typeof day === 'string' ? day : utcDay(day);
  // Every report needs today's salt: computing it once a day halves the HMAC work on the hot path.
  if (lastSalt?.secret !== secret || lastSalt.label !== label) lastSalt = { secret, label, salt: createHmac('sha256', secret).update(label).digest() };
  return lastSalt.salt;
}

/**
 * Opaque source identifier (64 hex chars): HMAC of the IP (IPv6 reduced to its /64) and the UA
 * family under the day salt. Rotates at 00:00 UTC and cannot be reversed without the secret.
 */
export function sourceFingerprint(input: {
  ip: string | null;
  userAgent: string | null | undefined;
  secret: string;
  now: Date;
}): string {
  if (input.secret.length < 16)
    throw new Error('Secret de l’empreinte trop court (16 caractères minimum).');
  const ip = input.ip === null ? 'unknown' : ipForFingerprint(input.ip);
  return createHmac('sha256', daySalt(input.secret, input.now))
    .update(`${ip}|${uaFamily(input.userAgent)}`)
    .digest('hex');
}

/** Short label for moderators, e.g. "S-7F3A2C" (24 bits: collisions are possible and harmless). */
export function shortLabel(fingerprint: string): string {
  return `S-${fingerprint.slice(0, 6).toUpperCase()}`;
}
