import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('home page (production build, embedded database)', () => {
  test('draws the 30 académies and lists the platforms from the database', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('path.academy', { timeout: 30_000 });
    await expect.poll(() => page.locator('path.academy').count(), { timeout: 15_000 }).toBe(30);
    for (const id of ['paris', 'versailles', 'creteil', 'corse', 'guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte']) {
      expect(await page.locator(`path.academy-${id}`).count(), id).toBe(1);
    }
    expect(await page.locator('.platform-item').count()).toBe(41);
    await expect.poll(() => page.locator('.platform-item', { hasText: 'PRONOTE' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Licence Ouverte Etalab').first().isVisible()).toBe(true);
    mkdirSync('tests/e2e/screenshots', { recursive: true });
    await page.screenshot({ path: 'tests/e2e/screenshots/home-desktop.png', fullPage: false });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: 'tests/e2e/screenshots/home-phone.png', fullPage: false });
    await page.close();
  });

  test('serves the boundaries compressed and cacheable', async () => {
    const res = await fetch(`${inject('baseUrl')}/api/geo/academies`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await res.text()).length).toBeLessThan(250_000);
    expect(res.headers.get('cache-control')).toContain('max-age');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${inject('baseUrl')}/api/geo/academies`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });
});
