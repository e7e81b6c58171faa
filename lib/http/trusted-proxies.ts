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

const MEMO_MAX = 4096;
const memos = new WeakMap<TrustedProxies, Map<string, boolean>>();

/**
 * Whether `address` (a canonical IP without port or zone) is one of our proxies. Asked several times
 * per request; a BlockList check builds a SocketAddress each time, so answers are remembered per list
 * (the list never changes; the memo is emptied when it reaches MEMO_MAX addresses).
 */
export function isTrustedProxy(list: TrustedProxies, address: string | null | undefined): boolean {
  if (!address) return false;
  let memo = memos.get(list);
  if (!memo) memos.set(list, (memo = new Map()));
  const known = memo.get(address);
  if (known !== undefined) return known;
  const trusted = checkTrustedProxy(list, address);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(address, trusted);
  return trusted;
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
