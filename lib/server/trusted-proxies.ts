import net from 'node:net';

/** TRUSTED_PROXIES ("10.0.0.0/8, ::1") as a node BlockList; throws on an invalid entry. */
export function trustedProxyList(entries: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.trim().split('/');
    const family = net.isIP(address);
    if (family === 0 || rest.length > 0) throw new Error(`Plage d’adresses IP invalide : ${entry}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

export function isTrustedProxy(list: net.BlockList, address: string | undefined): boolean {
  if (!address) return false;
  const family = net.isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
