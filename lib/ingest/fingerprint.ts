import { createHmac } from 'node:crypto';
import { ipForFingerprint, networkForFingerprint } from './client-ip';

/** Bytes of a day key: random, never derived from anything stored (see lib/ingest/day-key.ts). */
export const DAY_KEY_BYTES = 32;

/** UTC calendar day as YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function hmac(key: Buffer, label: string, value: string): string {
  if (key.length < 16) throw new Error('Clé du jour trop courte (16 octets minimum).');
  return createHmac('sha256', key).update(`${label}|${value}`).digest('hex');
}

/**
 * Opaque source identifier (64 hex chars): HMAC of the address (IPv4 as is, IPv6 reduced to its
 * /64) under the day key. The browser is deliberately not part of it: one machine rotating
 * User-Agent strings is still one source.
 */
export function sourceFingerprint(input: { ip: string | null; key: Buffer }): string {
  return hmac(input.key, 'source', input.ip === null ? 'unknown' : ipForFingerprint(input.ip));
}

/** Coarse network identifier: HMAC of the IPv4 /24 or IPv6 /48 under the same day key. */
export function networkFingerprint(input: { ip: string | null; key: Buffer }): string {
  return hmac(input.key, 'network', input.ip === null ? 'unknown' : networkForFingerprint(input.ip));
}

/** Hash of a client device token under the day key: links a device within one day only. */
export function deviceTokenHash(input: { token: string; key: Buffer }): string {
  return hmac(input.key, 'device', input.token);
}

/** Short label for moderators, e.g. "S-7F3A2C" (24 bits: collisions are possible and harmless). */
export function shortLabel(fingerprint: string): string {
  return `S-${fingerprint.slice(0, 6).toUpperCase()}`;
}
