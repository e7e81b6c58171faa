import type { BrowserContext } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eSuite } from '../helpers/e2e-suite';

const suite = useE2eSuite();

/** Waits until the service worker controls the page (it claims clients on activation). */
async function controlled(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined), { timeout: 60_000, message: 'the service worker controls the page' }).toBe(true);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).includes('report-page')), { timeout: 30_000 }).toBe(true);
  return page;
}

async function cachedUrls(context: BrowserContext, base: string): Promise<string[]> {
  const page = await context.newPage();
  await page.goto(`${base}/signaler`);
  const urls = await page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) out.push(new URL(req.url).pathname);
    return out;
  });
  await page.close();
  return urls;
}

describe('installable, offline report page (production build)', () => {
  test('the manifest is valid and Chromium finds the app installable', async () => {
    const context = await suite.browser.newContext();
    const page = await controlled(context, `${suite.base}/signaler`);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: Array<{ errorId: string }> };
    // The test browser's profile is a private one, which Chromium never offers to install from; nothing else may be missing.
    expect(installability.installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    await context.close();
  });

  test('offline, /signaler opens from the service worker, a report is queued and delivered exactly once when the network returns', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const warm = await controlled(context, `${suite.base}/signaler`);
    await warm.close();
    await context.setOffline(true);
    const page = await context.newPage();
    // Offline the shell kept by the service worker answers whatever the query: the form is filled on the device.
    await page.goto(`${suite.base}/signaler?plateforme=lumni&academie=corse`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    // Debian's Chromium 150 leaves navigator.onLine true in a document loaded (from the service worker) while the
    // network emulation was already offline (seen on a fresh machine; later versions say false): the form would then
    // say « le serveur ne répond pas » for what is « pas de connexion ». Going offline again with the document loaded
    // is what a phone losing its network does, and sets it.
    if (await page.evaluate(() => navigator.onLine)) {
      await context.setOffline(false);
      await context.setOffline(true);
    }
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.locator('#champ-academie').selectOption('corse');
    await page.locator('#recherche-service').fill('lumni');
    await page.locator('label[for="plateforme-lumni"]').click();
    await page.locator('label[for="probleme-slow"]').click();
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await page.getByText(/Pas de connexion\u00a0: votre signalement est enregistré sur cet appareil/).waitFor();
    const key = await page.evaluate(() => (JSON.parse(localStorage.getItem('reportOutbox') ?? '{}') as { items: Array<{ payload: { idempotencyKey: string } }> }).items[0]?.payload.idempotencyKey);
    expect(key).toBeTruthy();
    await context.setOffline(false);
    await expect.poll(() => suite.db.report.count({ where: { idempotencyKey: key } }), { timeout: 90_000, message: 'the queued report reaches the server' }).toBe(1);
    await page.waitForTimeout(3_000);
    expect(await suite.db.report.count({ where: { idempotencyKey: key } })).toBe(1);
    await context.close();
  });

  test('nothing under /admin, nor the live answers, is ever served from the cache', async () => {
    const context = await suite.browser.newContext();
    const page = await controlled(context, `${suite.base}/`);
    await page.goto(`${suite.base}/admin`);
    await page.goto(`${suite.base}/connexion`);
    await page.evaluate(async () => {
      await fetch('/api/etat');
    });
    const urls = await cachedUrls(context, suite.base);
    expect(urls).toContain('/signaler');
    expect(urls.filter((u) => /^\/(admin|connexion|api\/)/.test(u))).toEqual([]);
    await context.setOffline(true);
    const offline = await context.newPage();
    const response = await offline.goto(`${suite.base}/admin`).catch(() => null);
    expect(response === null || response.status() !== 200 || !(await offline.content()).includes('Administration')).toBe(true);
    await context.close();
  });
});
