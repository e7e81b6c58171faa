import {
  formatIp,
  isInRange,
  parseIp,
  parseIpRange,
  type IpAddress,
  type IpRange,
} from './ip-address';

export { normalizeIp, parseIpRange, type IpRange } from './ip-address';

export type ClientIpInput = {
  /** Address of the TCP peer (the socket), when the runtime exposes it. */
  peerAddress: string | null | undefined;
  /** Raw X-Forwarded-For value(s); several header lines are joined. */
  forwardedFor: string | readonly string[] | null | undefined;
  /** Exact addresses or CIDRs ("10.0.0.0/8", "::1", "2001:db8::/32") of our own reverse proxies. */
  trustedProxies: readonly (string | IpRange)[];
};

function isTrusted(ip: IpAddress, ranges: readonly IpRange[]): boolean {
  return ranges.some((range) => isInRange(ip, range));
}

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
  const ranges = input.trustedProxies.map((r) => (typeof r === 'string' ? parseIpRange(r) : r));
  let current = peer;
  const hops = forwardedHops(input.forwardedFor);
  while (isTrusted(current, ranges)) {
    const hop = hops.pop();
    if (hop === undefined) break;
    const next = parseIp(hop);
    if (!next) break;
    current = next;
  }
  return formatIp(current);
}

/** The address as used in the fingerprint: IPv4 as is, IPv6 reduced to its /64 (one subscriber). */
export function ipForFingerprint(ip: string): string {
  const parsed = parseIp(ip);
  if (!parsed) return ip.trim().toLowerCase();
  if (parsed.version === 4) return formatIp(parsed);
  const network = [...parsed.bytes.slice(0, 8), ...Array<number>(8).fill(0)];
  return `${formatIp({ version: 6, bytes: network })}/64`;
}
