import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { launchBrowser } from '../helpers/browser';
import { connectE2eDatabase, createAccount, signIn, watchCspViolations } from '../helpers/e2e-accounts';

let browser: Browser;
let db: PrismaClient;
let base: string;

beforeAll(async () => {
  base = inject('baseUrl');
  db = connectE2eDatabase(inject('dataDir'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

const BANNER = 'Maintenance de la plateforme ce soir de 22 h à 23 h.';

async function save(page: Page, fields: { limit: string; banner: string }): Promise<void> {
  await page.getByLabel('Signalements par minute et par source').fill(fields.limit);
  await page.getByLabel('Bandeau d’annonce').fill(fields.banner);
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
}

describe('admin settings (production build)', () => {
  test('an admin sets the announcement banner and a limit, sees them applied and audited, then clears them', async () => {
    const admin = await createAccount(db, ['admin'], { totp: true });
    const page = await browser.newPage();
    const violations = await watchCspViolations(page);
    await signIn(page, base, admin);
    await page.waitForURL(`${base}/admin`);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('heading', { name: 'Réglages' }).waitFor();

    await save(page, { limit: '0', banner: BANNER });
    await page.getByRole('alert').filter({ hasText: 'Signalements par minute et par source' }).waitFor({ timeout: 15_000 });
    expect(await db.setting.count({ where: { key: { startsWith: 'runtime.' } } })).toBe(0);

    await save(page, { limit: '45', banner: BANNER });
    await page.getByText('Réglages enregistrés (2).', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await db.setting.findUnique({ where: { key: 'runtime.reportLimitPerMinute' } })).toMatchObject({ value: 45 });

    const visitor = await browser.newPage();
    await visitor.goto(`${base}/sources`);
    expect(await visitor.getByRole('note').textContent()).toBe(BANNER);

    await page.goto(`${base}/admin/journal`);
    expect(await page.locator('td', { hasText: 'settings.updated' }).count()).toBeGreaterThan(0);
    const entry = await db.auditLog.findFirst({ where: { action: 'settings.updated', actorId: admin.id }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ before: { announcement: null, reportLimitPerMinute: null }, after: { announcement: BANNER, reportLimitPerMinute: 45 } });

    await page.goto(`${base}/admin/reglages`);
    expect(await page.getByLabel('Signalements par minute et par source').inputValue()).toBe('45');
    await save(page, { limit: '', banner: '' });
    await page.getByText('Réglages enregistrés (2).', { exact: false }).waitFor({ timeout: 15_000 });
    await visitor.goto(`${base}/sources`);
    expect(await visitor.getByRole('note').count()).toBe(0);
    expect(await violations(), 'the strict admin CSP blocks nothing on the settings page').toEqual([]);
    await visitor.close();
    await page.close();
  });

  test('a moderator is refused the settings page and its API', async () => {
    const moderator = await createAccount(db, ['moderator'], { totp: true });
    const page = await browser.newPage();
    await signIn(page, base, moderator);
    await page.waitForURL(`${base}/admin`);
    expect(await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Réglages' }).count()).toBe(0);
    await page.goto(`${base}/admin/reglages`);
    await page.getByRole('heading', { name: 'Accès refusé' }).waitFor({ timeout: 15_000 });
    expect((await page.request.get(`${base}/api/admin/settings`)).status()).toBe(403);
    await page.close();
  });
});
