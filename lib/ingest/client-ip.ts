import { isTrustedProxy, type TrustedProxies } from '@/lib/http/trusted-proxies';
import { formatIp, parseIp } from './ip-address';

export { normalizeIp } from './ip-address';

export type ClientIpInput = {
  /** Address of the TCP peer (the socket), when the runtime exposes it. */
  peerAddress: string | null | undefined;
  /** Raw X-Forwarded-For value(s); several header lines are joined. */
  forwardedFor: string | readonly string[] | null | undefined;
  /** Our own reverse proxies (lib/http/trusted-proxies.ts, the matcher the HTTP edge uses too). */
  trustedProxies: TrustedProxies;
};

function forwardedHops(forwardedFor: ClientIpInput['forwardedFor']): string[] {
  if (forwardedFor === null || forwardedFor === undefined) return [];
  const joined = typeof forwardedFor === 'string' ? forwardedFor : forwardedFor.join(',');
  return joined
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
}

/**
 * The client address, normalised. X-Forwarded-For is read only when the peer is a trusted proxy,
 * from the right, skipping trusted proxies: entries left of the first untrusted hop are
 * client-controlled. A malformed hop stops the walk at the last trusted address.
 * Returns null when the peer address is unknown or unparseable.
 */
export function clientIp(input: ClientIpInput): string | null {
  const peer = input.peerAddress ? parseIp(input.peerAddress) : null;
  if (!peer) return null;
  let current = peer;
  const hops = forwardedHops(input.forwardedFor);
  while (isTrustedProxy(input.trustedProxies, formatIp(current))) {
    const hop = hops.pop();
    if (hop === undefined) break;
    const next = parseIp(hop);
    if (!next) break;
    current = next;
  }
  return formatIp(current);
}

function prefixOf(ip: string, v4Bits: number, v6Bits: number): string {
  const parsed = parseIp(ip);
  if (!parsed) return ip.trim().toLowerCase();
  const bits = parsed.version === 4 ? v4Bits : v6Bits;
  const bytes = parsed.bytes.map((byte, i) => (i * 8 >= bits ? 0 : byte));
  const text = formatIp({ version: parsed.version, bytes });
  return bits === parsed.bytes.length * 8 ? text : `${text}/${bits}`;
}

/** The address as used in the source fingerprint: IPv4 as is, IPv6 reduced to its /64 (one subscriber). */
export function ipForFingerprint(ip: string): string {
  return prefixOf(ip, 32, 64);
}

/** The network as used in the network fingerprint: IPv4 /24, IPv6 /48 (one site or provider block). */
export function networkForFingerprint(ip: string): string {
  return prefixOf(ip, 24, 48);
}
