import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must never reach unless an admin allowed the host: loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast, unspecified and documentation ranges, IPv4-mapped too.
 */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) FORBIDDEN.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64],
] as const) FORBIDDEN.addSubnet(net, prefix, 'ipv6');

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return FORBIDDEN.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return FORBIDDEN.check(mapped[1], 'ipv4');
  return FORBIDDEN.check(address, 'ipv6');
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export type TargetCheck =
  | { ok: true; url: URL; address: ResolvedAddress }
  | { ok: false; code: 'url_invalid' | 'scheme_forbidden' | 'credentials_forbidden' | 'unresolvable' | 'address_forbidden'; message: string };

/** Lower-case host names from the admin setting (comma- or space-separated). */
export function parseAllowedHosts(setting: string): Set<string> {
  return new Set(setting.split(/[\s,]+/).map((h) => h.trim().toLowerCase()).filter(Boolean));
}

/**
 * Whether a webhook may be sent to `raw`, and to which address: every address the name resolves to
 * must be public (a name with one private address is refused), unless the host is allowed. The
 * caller connects to the returned address, so a second DNS answer cannot redirect the request.
 */
export async function checkWebhookTarget(raw: string, resolve: Resolver, allowedHosts: ReadonlySet<string>): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, code: 'url_invalid', message: 'Adresse invalide : indiquez une URL complète (https://…).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, code: 'scheme_forbidden', message: 'Seules les adresses http et https sont acceptées.' };
  if (url.username || url.password) return { ok: false, code: 'credentials_forbidden', message: 'L’adresse ne doit pas contenir d’identifiants : utilisez le secret de signature.' };
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  try {
    addresses = literal ? [{ address: host, family: literal as 4 | 6 }] : await resolve(host);
  } catch {
    addresses = [];
  }
  const first = addresses[0];
  if (!first) return { ok: false, code: 'unresolvable', message: `Le nom « ${host} » ne se résout en aucune adresse.` };
  if (!allowedHosts.has(host) && addresses.some((a) => isForbiddenAddress(a.address))) {
    return { ok: false, code: 'address_forbidden', message: `« ${host} » désigne une adresse privée, locale ou de lien local : refusé (un administrateur peut autoriser cet hôte).` };
  }
  return { ok: true, url, address: first };
}
