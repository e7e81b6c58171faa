import path from 'node:path';
import { AUTH_SECRET_FILE, loadOrCreateSecretFile, secretsDir } from '@/lib/security/secret-file';
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { hashToken, randomToken } from '@/lib/auth/tokens';
import { createSessionRow } from '@/lib/db/users';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { connectE2eDatabase, createAccount } from '../helpers/e2e-accounts';
import { startNextOnly } from '../helpers/next-start';

type Target = { name: string; base: string };
const custom: Target = { name: 'our server', base: '' };
const nextOnly: Target = { name: 'next start', base: '' };
let db: PrismaClient;
let stopNext: () => Promise<void>;
let adminCookie = '';

/** An admin session cookie minted like next-auth does, with the instance's secret (a 0600 file beside its data, never in the database). */
async function mintAdminCookie(): Promise<string> {
  const admin = await createAccount(db, ['admin'], { totp: true });
  const file = path.join(secretsDir({ secretsDir: undefined, dataDir: inject('dataDir') }), AUTH_SECRET_FILE);
  const { secret } = await loadOrCreateSecretFile(file);
  const sid = randomToken();
  await createSessionRow(db, { tokenHash: hashToken(sid), userId: admin.id, expires: new Date(Date.now() + 3_600_000), mfaVerifiedAt: new Date() });
  return `next-auth.session-token=${await encode({ token: { sub: admin.id, sid }, secret })}`;
}

beforeAll(async () => {
  custom.base = inject('baseUrl');
  db = connectE2eDatabase(inject('dataDir'));
  adminCookie = await mintAdminCookie();
  const next = await startNextOnly({ dataDir: inject('dataDir'), env: { READ_LIMIT_PER_MINUTE: '5' } });
  nextOnly.base = next.base;
  stopNext = next.stop;
}, 180_000);
afterAll(async () => {
  await stopNext?.();
  await db?.$disconnect();
});

describe.each([['our server'], ['next start']])('%s', (name) => {
  const target = () => (name === 'our server' ? custom : nextOnly);

  test.each(['/plateformes/%ff', '/incidents/%c0%af', '/academies/%00', '/en/plateformes/%ff'])('%s is the site’s 404 page with its security headers', async (path) => {
    const res = await fetch(`${target().base}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain('nonce-');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toMatch(/<html lang="(fr|en)"/);
  });

  test.each(['/api/admin/users/%ff', '/api/moderation/reports/%c0%af', '/api/admin/platforms/%00'])('%s is a 4xx JSON error with the API headers', async (path) => {
    const res = await fetch(`${target().base}${path}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  test.each(['/', '/admin', '/connexion', '/sources', '/plateformes'])('a Purpose: prefetch request to %s keeps the CSP and X-Frame-Options', async (path) => {
    const res = await fetch(`${target().base}${path}`, { headers: { purpose: 'prefetch' }, redirect: 'manual' });
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  test('sign-in with callbackUrl=//evil.example does not fail', async () => {
    for (const path of ['/api/auth/signin?callbackUrl=//evil.example', '/connexion?callbackUrl=//evil.example', '/api/auth/signin/credentials?callbackUrl=//evil.example']) {
      const res = await fetch(`${target().base}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get('location') ?? '').not.toContain('evil.example');
    }
  });

  test('PATCH /api/admin/settings with an admin cookie, a foreign Origin and a forged X-Forwarded-Host is refused', async () => {
    const url = `${target().base}/api/admin/settings`;
    const host = new URL(target().base).host;
    const forged = await fetch(url, { method: 'PATCH', headers: { cookie: adminCookie, 'content-type': 'application/json', origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }, body: '{}' });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: 'forbidden' } });
    const sameSite = await fetch(url, { method: 'PATCH', headers: { cookie: adminCookie, 'content-type': 'application/json', origin: `http://${host}` }, body: '{}' });
    expect(sameSite.status).not.toBe(403);
    expect(sameSite.status).toBeLessThan(500);
  });

  test('a server action without Origin but with Sec-Fetch-Site: cross-site is refused, as is a forged forwarded host', async () => {
    const action = { cookie: adminCookie, 'next-action': 'f'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' };
    const crossSite = await fetch(`${target().base}/admin/reglages`, { method: 'POST', headers: { ...action, 'sec-fetch-site': 'cross-site' }, body: '[]' });
    expect(crossSite.status).toBe(403);
    const forged = await fetch(`${target().base}/admin/reglages`, { method: 'POST', headers: { ...action, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }, body: '[]' });
    expect(forged.status).toBe(403);
  });

  test('the public health answer is minimal', async () => {
    const res = await fetch(`${target().base}/api/health`, { headers: { 'x-ecole-peer': 'x direct 127.0.0.1', 'x-forwarded-for': '127.0.0.1' } });
    const body = await res.json();
    // Our server sees a loopback peer (operator on the machine) and tells it more; `next start` knows no peer.
    // The public answer is the status and the durability statement: no version, no database details.
    if (name === 'next start') {
      expect(body.version).toBeUndefined();
      expect(body.database).toBeUndefined();
      expect(Object.keys(body).sort()).toEqual(body.durable ? ['durable', 'status', 'time'] : ['durable', 'note', 'status', 'time']);
    } else expect(body.version).toBeDefined();
  });
});

describe('the peer address under next start', () => {
  test('a client-sent x-ecole-peer does not make one client many sources', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const forged = i % 2 ? `203.0.113.${i}` : `${randomUUID()} direct 203.0.113.${i}`;
      const res = await fetch(`${nextOnly.base}/api/etat`, { headers: { 'x-ecole-peer': forged } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toContain(429);
  });
});
