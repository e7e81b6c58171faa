import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { processSingleton } from './process-singleton';

/**
 * The TCP peer address, as stamped by our HTTP server (lib/server/listener.ts) with a random secret
 * of this process: a client can send this header, but cannot know the secret, so its copy is ignored.
 * Started any other way (`next start`), no request carries a valid stamp and the peer is unknown.
 */
export const PEER_HEADER = 'x-ecole-peer';

const FORWARDED_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-for'] as const;

function stampSecret(): Buffer {
  return processSingleton('peer-stamp', () => randomBytes(24));
}

/** Stamps a Node request with its peer; drops X-Forwarded-* headers unless the peer is a trusted proxy. */
export function stampPeer(headers: IncomingHttpHeaders, peer: { address: string; trustedProxy: boolean }): void {
  if (!peer.trustedProxy) for (const name of FORWARDED_HEADERS) delete headers[name];
  headers[PEER_HEADER] = `${stampSecret().toString('base64url')} ${peer.trustedProxy ? 'proxy' : 'direct'} ${peer.address}`;
}

export type Peer = { address: string; trustedProxy: boolean };

/** The stamped peer of a request, or null (no stamp, a forged one, or not behind our server). */
export function readPeer(headers: Headers): Peer | null {
  const [secret = '', kind, address, ...rest] = (headers.get(PEER_HEADER) ?? '').split(' ');
  if (!address || rest.length > 0 || (kind !== 'proxy' && kind !== 'direct')) return null;
  const given = Buffer.from(secret, 'base64url');
  const expected = stampSecret();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { address, trustedProxy: kind === 'proxy' };
}

/** A stamped header value for tests that call route handlers directly (as if our server received it). */
export function peerHeaderValue(address: string, trustedProxy = false): string {
  const headers: IncomingHttpHeaders = {};
  stampPeer(headers, { address, trustedProxy });
  return headers[PEER_HEADER] as string;
}

/**
 * The host the client addressed: X-Forwarded-Host only when a trusted proxy sent the request,
 * otherwise Host (a client-set X-Forwarded-Host must not make a foreign Origin look like ours).
 */
export function requestHost(headers: Headers): string | null {
  const forwarded = readPeer(headers)?.trustedProxy ? headers.get('x-forwarded-host') : null;
  return forwarded?.split(',')[0]?.trim() || headers.get('host');
}

/** X-Forwarded-For, only when a trusted proxy sent it. */
export function forwardedFor(headers: Headers): string | null {
  return readPeer(headers)?.trustedProxy ? headers.get('x-forwarded-for') : null;
}
