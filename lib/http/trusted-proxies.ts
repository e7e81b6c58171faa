import net from 'node:net';

/**
 * Our own reverse proxies, as parsed once from TRUSTED_PROXIES: node's BlockList, one per family
 * because a BlockList IPv6 range such as ::/0 would also match every IPv4 address.
 */
export type TrustedProxies = { ipv4: net.BlockList; ipv6: net.BlockList };

/** "10.0.0.0/8", "2001:db8::/32" or exact addresses as one matcher; throws on an invalid entry. */
export function trustedProxyList(entries: readonly string[]): TrustedProxies {
  const list: TrustedProxies = { ipv4: new net.BlockList(), ipv6: new net.BlockList() };
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
  }
  return list;
}

/** Whether `address` (a canonical IP without port or zone) is one of our proxies. */
export function isTrustedProxy(list: TrustedProxies, address: string | null | undefined): boolean {
  if (!address) return false;
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
