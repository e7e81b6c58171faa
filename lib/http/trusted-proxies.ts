import net from 'node:net';
import { boundedMemo } from '@/lib/domain/bounded-memo';

/**
 * Our own reverse proxies, as parsed once from TRUSTED_PROXIES: node's BlockList, one per family
 * because a BlockList IPv6 range such as ::/0 would also match every IPv4 address.
 */
export type TrustedProxies = {
  ipv4: net.BlockList;
  ipv6: net.BlockList;
  /** The exact IPv4 entries, and whether there are IPv4 ranges: most deployments list addresses only. */
  exact4: Set<string>;
  ranges4: boolean;
};

/** "10.0.0.0/8", "2001:db8::/32" or exact addresses as one matcher; throws on an invalid entry. */
export function trustedProxyList(entries: readonly string[]): TrustedProxies {
  const list: TrustedProxies = { ipv4: new net.BlockList(), ipv6: new net.BlockList(), exact4: new Set(), ranges4: false };
  for (const entry of entries) {
    const [address = '', prefixText, ...rest] = entry.trim().split('/');
    const family = net.isIP(address);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const prefix = prefixText === undefined ? null : Number(prefixText);
    const max = family === 4 ? 32 : 128;
    const badPrefix = prefix !== null && (!/^\d{1,3}$/.test(prefixText ?? '') || prefix > max);
    if (family === 0 || rest.length > 0 || badPrefix) throw new Error(`Plage d’adresses IP invalide : ${entry}`);
    if (prefix === null) list[type].addAddress(address, type);
    else list[type].addSubnet(address, prefix, type);
    if (family === 4 && prefix === null) list.exact4.add(address);
    else if (family === 4) list.ranges4 = true;
  }
  return list;
}

// Verdicts per matcher and address: every request asks about its peer (and forwarded hops), and a
// BlockList check allocates a SocketAddress each time (about 5 % of an instance's CPU under a surge).
const verdicts = new WeakMap<TrustedProxies, (address: string) => boolean>();
/** Distinct addresses remembered per matcher; forwarded hops are client-chosen, so the memo is bounded (cleared when full). */
export const TRUSTED_PROXY_MEMO_MAX = 4096;

/** Whether `address` (a canonical IP without port or zone) is one of our proxies. */
export function isTrustedProxy(list: TrustedProxies, address: string | null | undefined): boolean {
  if (!address) return false;
  // A dotted IPv4 address (the usual forwarded hop, one per client) against exact entries: no lookup to remember.
  if (!list.ranges4 && net.isIPv4(address)) return list.exact4.has(address);
  let check = verdicts.get(list);
  if (!check) verdicts.set(list, (check = boundedMemo(TRUSTED_PROXY_MEMO_MAX, (a) => checkTrustedProxy(list, a))));
  return check(address);
}

function checkTrustedProxy(list: TrustedProxies, address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return list.ipv4.check(address, 'ipv4');
  // An IPv4-mapped address (::ffff:10.0.0.1) matches IPv4 entries too.
  return family === 6 && (list.ipv6.check(address, 'ipv6') || list.ipv4.check(address, 'ipv6'));
}

const cache = new Map<string, TrustedProxies>();

/** The matcher for a configuration, built once per distinct list (env is read once per process). */
export function cachedTrustedProxyList(entries: readonly string[]): TrustedProxies {
  const key = entries.join(',');
  let list = cache.get(key);
  if (!list) {
    list = trustedProxyList(entries);
    cache.set(key, list);
  }
  return list;
}
