import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createAccount, signIn, watchCspViolations } from '../helpers/e2e-accounts';
import { useE2eSuite } from '../helpers/e2e-suite';

const e2e = useE2eSuite();

const BANNER = 'Maintenance de la plateforme ce soir de 22 h à 23 h.';

async function save(page: Page, fields: { limit: string; banner: string }): Promise<void> {
  await page.getByLabel('Signalements par minute et par source').fill(fields.limit);
  await page.getByLabel('Bandeau d’annonce').fill(fields.banner);
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
}

describe('admin settings (production build)', () => {
  test('an admin sets the announcement banner and a limit, sees them applied and audited, then clears them', async () => {
    const admin = await createAccount(e2e.db, ['admin'], { totp: true });
    const page = await e2e.browser.newPage();
    const violations = await watchCspViolations(page);
    await signIn(page, e2e.base, admin);
    await page.waitForURL(`${e2e.base}/admin`);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('heading', { name: 'Réglages' }).waitFor();

    await save(page, { limit: '0', banner: BANNER });
    await page.getByRole('alert').filter({ hasText: 'Signalements par minute et par source' }).waitFor({ timeout: 15_000 });
    expect(await e2e.db.setting.count({ where: { key: { startsWith: 'runtime.' } } })).toBe(0);

    await save(page, { limit: '45', banner: BANNER });
    await page.getByText('Réglages enregistrés (2).', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await e2e.db.setting.findUnique({ where: { key: 'runtime.reportLimitPerMinute' } })).toMatchObject({ value: 45 });

    const visitor = await e2e.browser.newPage();
    await visitor.goto(`${e2e.base}/sources`);
    expect(await visitor.getByRole('note').textContent()).toBe(BANNER);

    await page.goto(`${e2e.base}/admin/journal`);
    expect(await page.locator('td', { hasText: 'settings.updated' }).count()).toBeGreaterThan(0);
    const entry = await e2e.db.auditLog.findFirst({ where: { action: 'settings.updated', actorId: admin.id }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ before: { announcement: null, reportLimitPerMinute: null }, after: { announcement: BANNER, reportLimitPerMinute: 45 } });

    await page.goto(`${e2e.base}/admin/reglages`);
    expect(await page.getByLabel('Signalements par minute et par source').inputValue()).toBe('45');
    await save(page, { limit: '', banner: '' });
    await page.getByText('Réglages enregistrés (2).', { exact: false }).waitFor({ timeout: 15_000 });
    await visitor.goto(`${e2e.base}/sources`);
    expect(await visitor.getByRole('note').count()).toBe(0);
    expect(await violations(), 'the strict admin CSP blocks nothing on the settings page').toEqual([]);
    await visitor.close();
    await page.close();
  });

  test('a moderator is refused the settings page and its API', async () => {
    const moderator = await createAccount(e2e.db, ['moderator'], { totp: true });
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.base, moderator);
    await page.waitForURL(`${e2e.base}/admin`);
    expect(await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Réglages' }).count()).toBe(0);
    await page.goto(`${e2e.base}/admin/reglages`);
    await page.getByRole('heading', { name: 'Accès refusé' }).waitFor({ timeout: 15_000 });
    expect((await page.request.get(`${e2e.base}/api/admin/settings`)).status()).toBe(403);
    await page.close();
  });
});
