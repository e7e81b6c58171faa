import 'server-only';
import { env } from '@/lib/env';
import { forwardedFor, PEER_HEADER, readPeer } from '@/lib/http/peer';
import { withTimeout } from '@/lib/http/timeout';
import { cachedTrustedProxyList } from '@/lib/http/trusted-proxies';
import { clientIp, ipForFingerprint } from './client-ip';
import { deviceTokenHash, networkFingerprint, sourceFingerprint } from './fingerprint';
import { getIngestRuntime } from './runtime';

const resolved = new WeakMap<Headers, { stamp: string | null; forwarded: string | null; ip: string | null }>();

/**
 * The client address of a request: the peer stamped by our server, or the X-Forwarded-For hop a
 * trusted proxy reports. Null when unknown (no valid stamp, e.g. under `next start`): callers then
 * treat every such request as one source, the conservative choice.
 */
export function requestClientIp(headers: Headers): string | null {
  // Asked several times per request (edge caps, limits, fingerprints): derived once per Headers object, and
  // again only if the stamp or X-Forwarded-For changed since.
  const stamp = headers.get(PEER_HEADER);
  const forwarded = headers.get('x-forwarded-for');
  const known = resolved.get(headers);
  if (known && known.stamp === stamp && known.forwarded === forwarded) return known.ip;
  const ip = clientIp({
    peerAddress: readPeer(headers)?.address,
    forwardedFor: forwardedFor(headers),
    trustedProxies: cachedTrustedProxyList(env.TRUSTED_PROXIES),
  });
  resolved.set(headers, { stamp, forwarded, ip });
  return ip;
}

/** The unit that per-source limits count: an IPv4 address, an IPv6 /64 (one subscriber), or "unknown". */
export function sourceKeyOf(ip: string | null): string {
  return ip === null ? 'unknown' : ipForFingerprint(ip);
}

/** This request's source key (connection, body and stream caps, sign-in throttling): never stored. */
export function requestSourceKey(headers: Headers): string {
  return sourceKeyOf(requestClientIp(headers));
}

export type RequestFingerprints = { fingerprint: string; network: string; deviceHash: string | null };

/**
 * The pseudonyms of a request under today's key (the ones stored and counted by shared limits): its
 * source, its network and, when the client sent one, its device token. `timeoutMs` bounds the key read.
 */
export async function fingerprintRequest(
  headers: Headers,
  input: { now: Date; timeoutMs: number; deviceToken?: string | null },
): Promise<RequestFingerprints> {
  const key = await withTimeout(getIngestRuntime().dayKey(input.now), input.timeoutMs);
  const ip = requestClientIp(headers);
  return {
    fingerprint: sourceFingerprint({ ip, key }),
    network: networkFingerprint({ ip, key }),
    deviceHash: input.deviceToken ? deviceTokenHash({ token: input.deviceToken, key }) : null,
  };
}
