import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { UserRole } from '@/lib/auth/roles';
import { generateTotp } from '@/lib/auth/totp';
import { insertReportBatch } from '@/lib/db/reports';
import { uuidv7 } from '@/lib/domain/uuid';
import { contextFromNewAddress, createAccount, signIn as signInAt, type Account } from '../helpers/e2e-accounts';
import { useE2eSuite } from '../helpers/e2e-suite';

const e2e = useE2eSuite();

function account(roles: UserRole[], opts: { totp?: boolean } = {}): Promise<Account> {
  return createAccount(e2e.db, roles, opts);
}

function signIn(page: Page, who: Account, callbackUrl = '/admin'): Promise<void> {
  return signInAt(page, e2e.base, who, callbackUrl);
}

async function expectDenied(page: Page, pathname: string): Promise<void> {
  await page.goto(`${e2e.base}${pathname}`);
  await page.getByRole('heading', { name: 'Accès refusé' }).waitFor({ timeout: 15_000 });
}

describe('admin area (production build)', () => {
  test('12 wrong passwords from 4 addresses do not keep the real admin out: password + TOTP from a new address still signs in', async () => {
    const admin = await account(['admin'], { totp: true });
    for (let source = 0; source < 4; source += 1) {
      const attacker = await contextFromNewAddress(e2e.browser);
      const page = await attacker.newPage();
      await page.goto(`${e2e.base}/connexion`);
      await page.locator('[data-ready="true"]').waitFor({ timeout: 30_000 });
      for (let i = 0; i < 3; i += 1) {
        await page.getByLabel('Adresse e-mail', { exact: true }).fill(admin.email);
        await page.getByLabel('Mot de passe', { exact: true }).fill(`mauvais mot de passe ${source}-${i}`);
        await page.getByRole('button', { name: /Se connecter|Valider le code/ }).click();
        await page.getByRole('alert').first().waitFor({ timeout: 15_000 });
        await page.getByRole('button', { name: /Se connecter|Valider le code/ }).and(page.locator(':enabled')).waitFor({ timeout: 15_000 });
      }
      if (source === 3) await page.getByText('Trop d’essais sur ce compte').waitFor();
      await attacker.close();
    }
    const owner = await contextFromNewAddress(e2e.browser);
    const ownerPage = await owner.newPage();
    await signIn(ownerPage, admin);
    await ownerPage.waitForURL(`${e2e.base}/admin`, { timeout: 30_000 });
    await owner.close();
  });

  test('French-only account pages have no English link; unknown pages answer in the site layout, in each language', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.base}/connexion`);
    expect(await page.getByRole('link', { name: 'Read this page in English' }).count()).toBe(0);
    const missing = await page.goto(`${e2e.base}/cette-page-n-existe-pas`);
    expect(missing?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    expect(await page.locator('header.site-header').count()).toBe(1);
    await page.goto(`${e2e.base}/en/this-page-does-not-exist`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${e2e.base}/en/connexion`);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await page.close();
  });

  test('anonymous visitors are sent to sign-in and refused by the APIs; pages carry strict headers', async () => {
    const page = await e2e.browser.newPage();
    const response = await page.goto(`${e2e.base}/admin/moderation`);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/admin');
    const headers = response?.headers() ?? {};
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(headers['x-robots-tag']).toContain('noindex');
    expect(headers['cache-control']).toContain('no-store');
    expect(headers['cache-control']).toContain('private');
    expect(headers['x-content-type-options']).toBe('nosniff');
    const root = await fetch(`${e2e.base}/admin`, { redirect: 'manual' });
    expect(root.status).toBe(307);
    expect(root.headers.get('content-security-policy')).toContain("'strict-dynamic'");
    const api = await fetch(`${e2e.base}/api/admin/users`);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const write = await fetch(`${e2e.base}/api/moderation/sources`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(write.status).toBe(401);
    await page.close();
  });

  test('a moderator signs in with TOTP and hides every report of a flooding source', async () => {
    const moderator = await account(['moderator'], { totp: true });
    const fingerprint = randomBytes(32).toString('hex');
    const now = new Date();
    const rows = [0, 1, 2].map((i) => ({
      id: uuidv7(now.getTime() + i), platformId: 'pronote', academyId: 'lille', category: 'login', role: null, comment: null,
      observedAt: null, idempotencyKey: randomUUID(), sourceFingerprint: fingerprint, deviceTokenHash: null, networkFingerprint: null,
      counted: i === 0, distinctReporter: i === 0, flagReason: i === 0 ? null : 'flood', createdAt: now,
    }));
    await insertReportBatch(e2e.db, rows);
    const page = await e2e.browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
    await signIn(page, moderator);
    await page.waitForURL(`${e2e.base}/admin`);
    await page.getByRole('link', { name: 'Modération' }).first().click();
    await page.getByRole('heading', { name: 'Modération' }).waitFor();
    const label = `S-${fingerprint.slice(0, 6).toUpperCase()}`;
    expect(await page.content()).not.toContain(fingerprint);
    const item = page.locator('li', { hasText: label });
    await item.getByLabel('Raison').fill('robot qui inonde');
    await item.getByRole('button', { name: `Masquer toute la source ${label}` }).click();
    await expect.poll(() => e2e.db.report.count({ where: { sourceFingerprint: fingerprint, moderationState: 'hidden' } }), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => page.locator('li', { hasText: label }).count(), { timeout: 15_000 }).toBe(0);
    await page.getByText(label).first().waitFor({ timeout: 15_000 });
    expect(blocked, 'the strict CSP blocks nothing the app needs').toEqual([]);
    await expectDenied(page, '/admin/utilisateurs');
    await page.close();
  });

  test('a moderator without TOTP must enrol before reaching the queue', async () => {
    const moderator = await account(['moderator']);
    const page = await e2e.browser.newPage();
    await signIn(page, moderator, '/admin/moderation');
    await page.waitForURL(/\/connexion\/double-facteur$/);
    await page.getByRole('button', { name: 'Commencer' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent({ timeout: 15_000 }))?.replace(/\s/g, '') ?? '';
    await page.getByRole('img', { name: /Code QR/ }).waitFor();
    expect(await page.locator('svg.admin-qr path').getAttribute('d')).toMatch(/^M\d/);
    await page.getByLabel('Code à 6 chiffres').fill(generateTotp(secret, Date.now()));
    await page.getByRole('button', { name: 'Activer' }).click();
    await expect.poll(() => page.locator('.admin-recovery-codes li').count(), { timeout: 15_000 }).toBe(10);
    expect(await page.getByLabel('Code à 6 chiffres').count(), 'the activation form is gone once activated').toBe(0);
    const box = await page.locator('.admin-recovery-codes').boundingBox();
    const widest = Math.max(...(await page.locator('.admin-recovery-codes li').evaluateAll((items) => items.map((i) => i.getBoundingClientRect().right))));
    expect(widest, 'recovery codes stay inside their box').toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0) + 0.5);
    await page.goto(`${e2e.base}/admin/moderation`);
    await page.getByRole('heading', { name: 'Modération' }).waitFor();
    await page.close();
  });

  test('an admin creates an account, revokes a session and reads the verified journal', async () => {
    const admin = await account(['admin'], { totp: true });
    const journalist = await account(['journalist']);
    const victim = await e2e.browser.newPage();
    await signIn(victim, journalist);
    await victim.waitForURL(`${e2e.base}/admin`);

    const page = await e2e.browser.newPage();
    await signIn(page, admin);
    await page.waitForURL(`${e2e.base}/admin`);
    await page.goto(`${e2e.base}/admin/utilisateurs`);
    const email = `invite-${randomUUID().slice(0, 6)}@e2e.example`;
    const form = page.locator('form', { hasText: 'Créer le compte' });
    await form.getByLabel('Adresse e-mail').fill(email);
    await form.getByLabel('Modération').check();
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await expect.poll(() => page.locator('.admin-reveal li').first().textContent(), { timeout: 15_000 }).toMatch(/^(https?:\/\/[^/]+)?\/connexion\/reinitialiser\?token=/);
    const link = (await page.locator('.admin-reveal li').first().textContent()) ?? '';
    if (link.startsWith('/')) await page.getByText(/NEXTAUTH_URL n’est pas défini/).waitFor();
    expect(await e2e.db.user.findUnique({ where: { email }, include: { roles: true } })).toMatchObject({ roles: [{ role: 'moderator' }] });

    await page.goto(`${e2e.base}/admin/utilisateurs/${journalist.id}`);
    await page.getByRole('button', { name: 'Terminer toutes ses sessions' }).click();
    await page.getByText('Toutes les sessions de ce compte sont terminées.').waitFor({ timeout: 15_000 });
    await victim.goto(`${e2e.base}/admin`);
    expect(new URL(victim.url()).pathname).toBe('/connexion');

    await page.goto(`${e2e.base}/admin/journal?verify=1`);
    await page.getByText(/Chaîne intacte/).waitFor({ timeout: 15_000 });
    expect(await page.locator('td', { hasText: 'user.sessions_revoked' }).count()).toBeGreaterThan(0);
    for (const pathname of ['/admin/moderation', '/admin/incidents']) {
      await page.goto(`${e2e.base}${pathname}`);
      await page.getByRole('heading', { level: 1, name: pathname.endsWith('moderation') ? 'Modération' : 'Incidents' }).waitFor({ timeout: 15_000 });
    }
    await expectDenied(page, '/admin/cles-api');
    const refusal = (await page.locator('.admin-denied').textContent()) ?? '';
    expect(refusal).toContain('vous pouvez vous attribuer ce rôle');
    expect(refusal.toLowerCase()).not.toContain('demandez');
    await victim.close();
    await page.close();
  });

  test('a journalist creates an API key and is refused moderation', async () => {
    const journalist = await account(['journalist']);
    const page = await e2e.browser.newPage();
    await signIn(page, journalist);
    await page.waitForURL(`${e2e.base}/admin`);
    await page.goto(`${e2e.base}/admin/cles-api`);
    await page.getByLabel('Nom (usage)').fill('rédaction');
    await page.getByRole('button', { name: 'Créer une clé' }).click();
    await expect.poll(() => page.locator('.admin-reveal li').first().textContent(), { timeout: 15_000 }).toMatch(/^eep_[A-Za-z0-9_-]{43}$/);
    await expectDenied(page, '/admin/moderation');
    const api = await page.request.get(`${e2e.base}/api/moderation/queue`);
    expect(api.status()).toBe(403);
    await page.close();
  });

  test('a union member signs in, sees their account, webhooks and dossiers only, and is refused admin pages', async () => {
    const union = await account(['union']);
    const page = await e2e.browser.newPage();
    await signIn(page, union);
    await page.waitForURL(`${e2e.base}/admin`);
    expect(await page.getByRole('navigation', { name: 'Administration' }).getByRole('link').allTextContents()).toEqual(['Accueil', 'Webhooks', 'Dossiers', 'Mon compte']);
    await expectDenied(page, '/admin/journal');
    const api = await page.request.post(`${e2e.base}/api/admin/users`, { data: { email: 'x@e2e.example' }, headers: { origin: e2e.base } });
    expect(api.status()).toBe(403);

    const copied = await page.context().cookies();
    const sessionCookie = copied.find((c) => c.name === 'next-auth.session-token');
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await page.goto(`${e2e.base}/admin`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion$/);
    const replay = await e2e.browser.newContext();
    await replay.addCookies(copied);
    const replayed = await replay.newPage();
    await replayed.goto(`${e2e.base}/admin`);
    expect(new URL(replayed.url()).pathname, 'a copied cookie is worthless after sign-out').toBe('/connexion');
    await replay.close();
    await page.close();
  });
});
