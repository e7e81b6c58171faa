import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { mapSeverities, tableSeverities, waitForMap } from '../helpers/home-page';

const SCREENSHOTS = 'tests/e2e/screenshots';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
/** Issue budget for the map route: all JavaScript, lazy chunks included, compressed. */
const JS_BUDGET_BYTES = 250 * 1024;

let browser: Browser;
let base: string;
beforeAll(async () => {
  base = inject('baseUrl');
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function focusFirstArea(page: Page): Promise<string> {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-academy') ?? null);
    if (id && (await page.evaluate(() => document.activeElement?.tagName.toLowerCase())) === 'path') return id;
  }
  throw new Error('no académie reached with Tab');
}

describe('home page (production build, embedded database)', () => {
  test('draws the 30 académies with the overseas insets, a legend, the platform list and a table that matches the map', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const scripts = new Map<string, Promise<number>>();
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.set(res.url(), res.body().then((b) => gzipSync(b).length, () => 0));
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await waitForMap(page);
    for (const id of ['paris', 'versailles', 'creteil', 'corse', 'guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte']) {
      expect(await page.locator(`path.academy-${id}`).count(), id).toBe(1);
    }
    expect(await page.locator('.map-inset').count()).toBe(5);
    expect(await page.locator('.academy-table tbody tr').count()).toBe(30);
    expect(await page.locator('.academy-table th[scope="row"]').count()).toBe(30);
    expect(await page.locator('.academy-table caption').textContent()).toMatch(/^État des 30 académies, /);
    expect(await mapSeverities(page)).toEqual(await tableSeverities(page));
    // Every platform is listed; those in trouble or reported in the last 3 hours with their sparkline.
    const items = await page.$$eval('.platform-item', (els) =>
      els.map((e) => ({
        active: e.getAttribute('data-status') !== 'operational' || Number(e.getAttribute('data-reporters-3h')) > 0,
        line: e.querySelector('svg.sparkline polyline') !== null,
      })),
    );
    expect(items).toHaveLength(41);
    for (const item of items) expect(item.line).toBe(item.active);
    expect(await page.getByRole('heading', { name: 'Légende' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Licence Ouverte Etalab').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Lecture' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/home-desktop.png` });

    const sizes = await Promise.all(scripts.values());
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`home page JavaScript: ${scripts.size} files, ${(total / 1024).toFixed(1)} KB gzipped (budget ${JS_BUDGET_BYTES / 1024} KB)`);
    expect(total).toBeLessThan(JS_BUDGET_BYTES);
    expect(errors).toEqual([]);
    await page.close();

    const phone = await browser.newPage({ viewport: PHONE });
    await phone.goto(base);
    await waitForMap(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.screenshot({ path: `${SCREENSHOTS}/home-phone.png` });
    await phone.close();
  });

  test('selecting an académie with the keyboard opens its panel and records it in the URL', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(base);
    await waitForMap(page);
    const first = await focusFirstArea(page);
    await page.keyboard.press('Enter');
    const panel = page.locator('#academie-panneau');
    await expect.poll(() => panel.getAttribute('data-academy')).toBe(first);
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Académie d/);
    expect(await panel.getByRole('link', { name: /^Tout sur l’académie/ }).getAttribute('href')).toBe(`/academies/${first}`);
    expect(new URL(page.url()).searchParams.get('academie')).toBe(first);
    expect(await page.locator(`path.academy-${first}`).getAttribute('aria-pressed')).toBe('true');

    await page.keyboard.press('Tab');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-academy'));
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    await page.keyboard.press(' ');
    await expect.poll(() => panel.getAttribute('data-academy')).toBe(second);

    await page.locator('.academy-table a', { hasText: /^Lyon$/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-academy')).toBe('lyon');
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe('Académie de Lyon');
    await page.close();
  });

  test('without JavaScript: the filters are a GET form and the table opens the panel', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(base);
    expect(await page.locator('.academy-table tbody tr').count()).toBe(30);
    expect(await page.getByRole('heading', { name: 'Pannes en cours' }).isVisible()).toBe(true);
    await page.selectOption('#filtre-plateforme', 'pronote');
    await page.selectOption('#filtre-categorie', 'login');
    await Promise.all([page.waitForURL(/plateforme=pronote/), page.getByRole('button', { name: 'Afficher' }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get('plateforme')).toBe('pronote');
    expect(url.searchParams.get('categorie')).toBe('login');
    expect(await page.locator('#filtre-plateforme').inputValue()).toBe('pronote');
    await Promise.all([page.waitForURL(/academie=paris/), page.locator('.academy-table a', { hasText: /^Paris$/ }).click()]);
    expect(await page.locator('#academie-panneau').getAttribute('data-academy')).toBe('paris');
    expect(new URL(page.url()).searchParams.get('plateforme')).toBe('pronote');
    await context.close();
  });

  test('reports unusable parameters and falls back to the live map', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const res = await page.goto(`${base}/?at=2021-02-30T09:02&plateforme=inconnu&categorie=meteo`);
    expect(res?.status()).toBe(200);
    const notices = await page.locator('.home-notices li').allTextContents();
    expect(notices).toHaveLength(3);
    expect(notices[0]).toContain('La date demandée n’a pas été comprise');
    expect(await page.locator('.home-moment').textContent()).toContain('En direct');
    await page.close();
  });

  test('the English page uses the English messages', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${base}/en`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('School digital services, académie by académie');
    expect(await page.locator('.academy-table caption').textContent()).toMatch(/^State of the 30 académies, /);
    await waitForMap(page);
    const first = await focusFirstArea(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#academie-panneau').getAttribute('data-academy')).toBe(first);
    expect(new URL(page.url()).pathname).toBe('/en');
    expect(await page.locator('#academie-panneau').getByRole('link', { name: /^All about the/ }).getAttribute('href')).toBe(`/en/academies/${first}`);
    await page.close();
  });
});
