import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '@/lib/net/free-port';
import { startAppServer } from '../helpers/app-server';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { useBrowserSuite } from '../helpers/e2e-suite';

const suite = useBrowserSuite();

const PHONE = { width: 360, height: 780 };

/** The form is interactive once the JavaScript-only widgets (commune search) are rendered. */
async function waitForHydration(page: Page): Promise<void> {
  await page.locator('#recherche-commune').waitFor({ state: 'attached', timeout: 30_000 });
}

async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

async function reportCount(page: Page, timeout = 30_000): Promise<number> {
  const count = page.locator('.report-count');
  await count.waitFor({ timeout });
  return Number(await count.getAttribute('data-count'));
}

describe('report form with JavaScript (production build)', () => {
  test('files a report from a deep link in one tap', async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    await page.goto(`${inject('baseUrl')}/signaler?plateforme=pronote&academie=versailles`);
    await waitForHydration(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Signaler la panne');
    expect(await page.getByRole('heading', { name: 'Signaler une panne de PRONOTE dans l’académie de Versailles' }).isVisible()).toBe(true);
    expect(await hasNoHorizontalScroll(page)).toBe(true);

    await page.getByRole('button', { name: 'Signaler la panne' }).click();

    expect(await reportCount(page)).toBeGreaterThanOrEqual(1);
    expect(new URL(page.url()).pathname).toBe('/signaler');
    expect(await page.locator('.report-count').textContent()).toMatch(/^Vous êtes .+ signaler PRONOTE dans l’académie de Versailles depuis 30\u00a0minutes\.$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirmation-titre');
    expect(await page.getByRole('link', { name: 'Voir la carte en direct' }).getAttribute('href')).toBe('/?plateforme=pronote');
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('reportOutbox') ?? '{}'))).toEqual({ v: 1, items: [] });
    expect(await page.evaluate(() => localStorage.getItem('deviceToken'))).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(await page.context().cookies()).toEqual([]);
    await page.close();
  });

  test('files a report after finding the académie by postal code', async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    await page.goto(`${inject('baseUrl')}/signaler`);
    await waitForHydration(page);
    await page.locator('#recherche-commune').fill('78000');
    await expect.poll(() => page.locator('#champ-academie').inputValue(), { timeout: 10_000 }).toBe('versailles');
    // On a phone the académie's list shows its likeliest services first, the rest one tap away.
    expect(await page.locator('.report-platforms li').count()).toBeLessThanOrEqual(7);
    const more = page.locator('.report-more');
    if (await more.count()) await more.click();
    expect(await page.locator('#plateforme-oze-yvelines').count()).toBe(1);
    expect(await page.locator('#plateforme-toutatice').count()).toBe(0);

    await page.locator('#recherche-service').fill('monlycee');
    await page.locator('label[for="plateforme-monlycee-net"]').click();
    await page.locator('label[for="probleme-login"]').click();
    await page.locator('#champ-commentaire').fill('Page blanche après la connexion');
    expect(await page.locator('#commentaire-compteur').textContent()).toBe('31\u00a0/\u00a0500\u00a0caractères');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();

    expect(await reportCount(page)).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.report-count').textContent()).toContain('Monlycée.net dans l’académie de Versailles');
    await page.close();
  });

  test('finds the académie from the device position without sending the position anywhere', async () => {
    const context = await suite.browser.newContext({
      viewport: PHONE,
      geolocation: { latitude: 48.80494, longitude: 2.13012 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (req) => sent.push(`${req.url()} ${req.postData() ?? ''}`));
    await page.goto(`${inject('baseUrl')}/signaler`);
    await waitForHydration(page);
    await page.getByRole('button', { name: 'Me localiser' }).click();
    await expect.poll(() => page.locator('#champ-academie').inputValue(), { timeout: 15_000 }).toBe('versailles');
    expect(sent.filter((line) => /48\.80|2\.130/.test(line))).toEqual([]);
    await context.close();
  });

  test('shows the missing choices in an error summary that takes the focus', async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    await page.goto(`${inject('baseUrl')}/signaler?academie=lille`);
    await waitForHydration(page);
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('erreurs');
    expect(await page.locator('#erreurs li').allTextContents()).toEqual(['Choisissez le service en panne.', 'Choisissez le type de problème.']);
    expect(await page.locator('#probleme-unreachable').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#probleme-unreachable').getAttribute('aria-describedby')).toBe('probleme-erreur');
    await page.close();
  });
});

describe('report form without JavaScript', () => {
  test('submits to the server and shows the server-rendered confirmation, or the field errors', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/signaler?plateforme=educonnect&academie=rennes&probleme=login`);
    await page.getByRole('button', { name: 'Signaler la panne' }).click();
    await page.waitForURL(/\/signaler\/merci\?/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Merci, votre signalement est enregistré');
    expect(await reportCount(page)).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.report-count').textContent()).toContain('ÉduConnect dans l’académie de Rennes');

    await page.goto(`${inject('baseUrl')}/signaler`);
    await page.selectOption('#champ-academie', 'rennes');
    await page.locator('label[for="plateforme-toutatice"]').click();
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await page.waitForURL(/erreurs=/);
    expect(await page.locator('#probleme-erreur').textContent()).toBe('Erreur\u00a0: Choisissez le type de problème.');
    expect(await page.locator('#probleme-login').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#erreurs a').getAttribute('href')).toBe('#probleme-unreachable');
    expect(await page.locator('#champ-academie').inputValue()).toBe('rennes');
    expect(await page.locator('#plateforme-toutatice').isChecked()).toBe(true);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await context.close();
  });
});

describe('commune search endpoint', () => {
  test('answers a postal code, is cacheable, and validates q', async () => {
    const res = await fetch(`${inject('baseUrl')}/api/geo/communes?q=78000`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(await res.json()).toEqual({ items: [{ name: 'Versailles', postalCode: '78000', departement: '78', academy: 'versailles' }] });
    const spanning = (await (await fetch(`${inject('baseUrl')}/api/geo/communes?q=05700`)).json()) as { items: Array<{ academy: string }> };
    expect(new Set(spanning.items.map((i) => i.academy))).toEqual(new Set(['aix-marseille', 'grenoble']));
    const bad = await fetch(`${inject('baseUrl')}/api/geo/communes?q=${'x'.repeat(61)}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });
});

// ---- offline: a second server of our own that we stop and restart ----

function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  return startAppServer({ port, dataDir });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

describe('offline outbox', () => {
  let dataDir = '';
  let server: ChildProcess | null = null;
  afterAll(async () => {
    if (server) await stopServer(server);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('keeps the report on the device while the server is down and delivers it exactly once when it is back', { timeout: 300_000 }, async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-outbox-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(port, dataDir);
    const page = await suite.browser.newPage({ viewport: PHONE });
    const answers: number[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === '/api/reports') answers.push(res.status());
    });
    await page.goto(`${base}/signaler?plateforme=lumni&academie=corse&probleme=slow`);
    await waitForHydration(page);

    await stopServer(server);
    await page.getByRole('button', { name: 'Signaler la panne' }).click();
    // The device is online: the truth is that our server does not answer, not « pas de connexion ».
    await page.getByText('Le serveur ne répond pas (votre connexion, elle, fonctionne)\u00a0: votre signalement est enregistré sur cet appareil et sera renvoyé automatiquement.').waitFor();
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('reportOutbox') ?? '{}') as { items: Array<{ payload: Record<string, unknown> }> });
    expect(stored.items).toHaveLength(1);
    const queued = stored.items[0]?.payload ?? {};
    expect(queued).toMatchObject({ platform: 'lumni', academy: 'corse', category: 'slow' });

    server = await startServer(port, dataDir);
    expect(await reportCount(page, 120_000)).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('reportOutbox'))).toBe('{"v":1,"items":[]}');
    expect(answers).toEqual([201]);

    const again = await fetch(`${base}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(queued),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate', platform: 'lumni', academy: 'corse' });
    await page.close();
  });
});
