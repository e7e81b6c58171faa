import 'server-only';
import { env } from '@/lib/env';
import { forwardedFor, readPeer } from '@/lib/http/peer';
import { cachedTrustedProxyList } from '@/lib/http/trusted-proxies';
import { clientIp, ipForFingerprint } from './client-ip';

/**
 * The client address of a request: the peer stamped by our server, or the X-Forwarded-For hop a
 * trusted proxy reports. Null when unknown (no valid stamp, e.g. under `next start`): callers then
 * treat every such request as one source, the conservative choice.
 */
export function requestClientIp(headers: Headers): string | null {
  return clientIp({
    peerAddress: readPeer(headers)?.address,
    forwardedFor: forwardedFor(headers),
    trustedProxies: cachedTrustedProxyList(env.TRUSTED_PROXIES),
  });
}

/** The unit that per-source limits count: an IPv4 address, an IPv6 /64 (one subscriber), or "unknown". */
export function sourceKeyOf(ip: string | null): string {
  return ip === null ? 'unknown' : ipForFingerprint(ip);
}
