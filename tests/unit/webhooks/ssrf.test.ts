import { describe, expect, test } from 'vitest';
import { checkWebhookTarget, isForbiddenAddress, parseAllowedHosts, type Resolver } from '@/lib/webhooks/ssrf';

describe('isForbiddenAddress', () => {
  test.each([
    ['127.0.0.1', true], ['127.10.0.3', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true], ['192.168.1.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['255.255.255.255', true],
    ['::1', true], ['::', true], ['fe80::1', true], ['fd12:3456::1', true], ['fc00::1', true], ['ff02::1', true],
    ['::ffff:127.0.0.1', true], ['::ffff:10.0.0.1', true], ['not-an-ip', true],
    ['8.8.8.8', false], ['172.32.0.1', false], ['93.184.216.34', false], ['2606:4700::1111', false], ['::ffff:93.184.216.34', false],
  ])('%s → %s', (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });
});

const dns = (table: Record<string, string[]>): Resolver => async (host) => (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('checkWebhookTarget', () => {
  const resolve = dns({ 'hooks.example.org': ['93.184.216.34'], 'rebind.example.org': ['93.184.216.34', '10.0.0.5'], 'intranet.example.org': ['192.168.0.10'], 'v6.example.org': ['fe80::1'] });
  const none = new Set<string>();

  test('accepts a public name and returns the address to connect to', async () => {
    const r = await checkWebhookTarget('https://hooks.example.org/ecole?x=1', resolve, none);
    expect(r).toMatchObject({ ok: true, address: { address: '93.184.216.34', family: 4 } });
  });

  test.each([
    ['http://127.0.0.1:8080/hook', 'address_forbidden'],
    ['http://[::1]/hook', 'address_forbidden'],
    ['http://169.254.169.254/latest/meta-data', 'address_forbidden'],
    ['https://intranet.example.org/hook', 'address_forbidden'],
    ['https://rebind.example.org/hook', 'address_forbidden'],
    ['https://v6.example.org/hook', 'address_forbidden'],
    ['ftp://hooks.example.org/hook', 'scheme_forbidden'],
    ['https://user:pass@hooks.example.org/', 'credentials_forbidden'],
    ['https://nowhere.example.org/', 'unresolvable'],
    ['pas une adresse', 'url_invalid'],
  ])('refuses %s (%s) with a French message', async (url, code) => {
    const r = await checkWebhookTarget(url, resolve, none);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toMatch(/[a-zé]/);
    }
  });

  test('an admin-allowed host may be internal', async () => {
    const allowed = parseAllowedHosts(' Intranet.example.org, 127.0.0.1 ');
    expect((await checkWebhookTarget('https://intranet.example.org/hook', resolve, allowed)).ok).toBe(true);
    expect((await checkWebhookTarget('http://127.0.0.1:9/hook', resolve, allowed)).ok).toBe(true);
    expect((await checkWebhookTarget('https://rebind.example.org/hook', resolve, allowed)).ok).toBe(false);
  });
});
