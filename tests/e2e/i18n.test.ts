import { describe, expect, inject, test } from 'vitest';
import { useBrowserSuite } from '../helpers/e2e-suite';

const suite = useBrowserSuite();

describe('English version of the public pages (production build)', () => {
  test('/en renders in English, keeps links in English, and hydrates without errors', async () => {
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${inject('baseUrl')}/en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByRole('navigation', { name: 'Main navigation' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Report an outage' }).getAttribute('href')).toBe('/en/signaler');
    // Client-side navigation stays on the English rewrite.
    await page.getByRole('link', { name: 'Report an outage' }).click();
    await page.waitForURL('**/en/signaler');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the language switch points to the same page in the other language', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${inject('baseUrl')}/sources`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await page.waitForURL('**/en/sources');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Lire cette page en français' }).getAttribute('href')).toBe('/sources');
    await page.close();
  });

  test('private pages have no English version: their English address leads to the French page', async () => {
    const res = await fetch(`${inject('baseUrl')}/en/admin`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location') ?? '', inject('baseUrl')).pathname).toBe('/admin');
  });
});
