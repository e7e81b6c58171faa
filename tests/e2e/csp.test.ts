import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { watchCspViolations } from '../helpers/e2e-accounts';
import { openGet } from '../helpers/raw-http';

let browser: Browser;
let base: string;
beforeAll(async () => {
  base = inject('baseUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function nonceOf(csp: string): string {
  const match = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'(;|$)/.exec(csp);
  if (!match?.[1]) throw new Error(`no nonce script-src in: ${csp}`);
  return match[1];
}

/** Whether React hydrated the page: it tags the DOM nodes it owns. */
function isHydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.querySelector('main');
    return root !== null && Object.keys(root).some((key) => key.startsWith('__react'));
  });
}

/** Opens a public page and checks its policy, its scripts' nonces, hydration and that nothing was blocked. */
async function openPublicPage(path: string, ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const violations = await watchCspViolations(page);
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  const nonce = nonceOf(csp);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  await ready(page);
  await expect.poll(() => isHydrated(page), { timeout: 30_000, message: `${path} hydrates` }).toBe(true);
  // Every script the server sent carries this response's nonce; chunks loaded later are trusted through 'strict-dynamic'.
  const tags = ((await response?.text()) ?? '').match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, path).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
  await page.waitForTimeout(500);
  expect(await violations(), `${path}: nothing blocked by the CSP`).toEqual([]);
  return page;
}

describe('content security policy on public pages (production build)', () => {
  test('home page: the map renders under the nonce policy', async () => {
    const page = await openPublicPage('/', (p) =>
      expect.poll(() => p.locator('.leaflet-container svg path').count(), { timeout: 30_000, message: 'the map draws its areas' }).toBeGreaterThan(0),
    );
    await page.close();
  });

  test('report form: hydrates and runs its JavaScript-only widgets', async () => {
    const page = await openPublicPage('/signaler', (p) => p.locator('#recherche-commune').waitFor({ state: 'attached', timeout: 30_000 }));
    await page.close();
  });

  test('sources page and its English version', async () => {
    await (await openPublicPage('/sources', (p) => p.getByRole('heading', { level: 1 }).waitFor())).close();
    await (await openPublicPage('/en/sources', (p) => p.getByRole('heading', { level: 1 }).waitFor())).close();
  });

  test('each response has its own nonce; HSTS and mixed-content upgrade only behind TLS', async () => {
    const [a, b] = await Promise.all([fetch(`${base}/sources`), fetch(`${base}/sources`)]);
    expect(nonceOf(a.headers.get('content-security-policy') ?? '')).not.toBe(nonceOf(b.headers.get('content-security-policy') ?? ''));
    expect(a.headers.get('strict-transport-security')).toBeNull();
    expect(a.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    const forged = await fetch(`${base}/sources`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers.get('strict-transport-security')).toBeNull();
    const tls = await openGet({ port: Number(new URL(base).port), localAddress: '127.0.0.2', path: '/sources', headers: { 'x-forwarded-proto': 'https' } });
    tls.close();
    expect(tls.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
    expect(tls.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  test('API JSON gets a no-content policy, not the page one', async () => {
    const res = await fetch(`${base}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('nonce-');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
