import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { useBrowserSuite } from '../helpers/e2e-suite';

/** A page of another site (another origin: another port) framing an embed and an ordinary page. */
let other: http.Server;
let otherOrigin = '';
const suite = useBrowserSuite();

beforeAll(async () => {
  const base = inject('baseUrl');
  other = http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="fr"><body>
      <iframe id="carte" src="${base}/integrer/carte" width="800" height="520"></iframe>
      <iframe id="carte-en" src="${base}/en/integrer/carte?plateforme=pronote" width="800" height="520"></iframe>
      <iframe id="service" src="${base}/integrer/service/pronote?academie=creteil" width="400" height="200"></iframe>
      <iframe id="signaler" src="${base}/signaler" width="400" height="200"></iframe>
      <iframe id="accueil" src="${base}/" width="400" height="200"></iframe>
      <iframe id="generateur" src="${base}/integrer" width="400" height="200"></iframe>
    </body></html>`);
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => other.close(r));
});

describe('embeds framed by another site (production build)', () => {
  test('the live map and the status card render inside another origin; every other page refuses to be framed', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1300, height: 1400 } });
    await page.goto(otherOrigin);
    const frame = (id: string) => page.frameLocator(`#${id}`);
    await expect.poll(() => frame('carte').locator('.leaflet-container svg path').count(), { timeout: 60_000, message: 'the framed map draws its areas' }).toBeGreaterThan(0);
    await expect.poll(() => frame('carte').getByText('Voir sur École en panne').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => frame('carte-en').getByText('Open on École en panne').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => frame('service').locator('h1').textContent(), { timeout: 30_000 }).toMatch(/PRONOTE · Créteil/);
    // Refused frames stay empty: the browser never renders a page whose policy says frame-ancestors 'none'.
    for (const id of ['signaler', 'accueil', 'generateur']) {
      await page.waitForTimeout(500);
      const handle = await page.$(`#${id}`);
      const content = await (await handle?.contentFrame())?.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      expect(content ?? '', id).not.toMatch(/École en panne|Signaler/);
    }
    await page.close();
  });

  test('the framed pages carry frame-ancestors * and no site header; the generator writes the iframe code', async () => {
    const base = inject('baseUrl');
    const res = await fetch(`${base}/integrer/carte`);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(await res.text()).not.toContain('site-header');
    const generator = await fetch(`${base}/integrer?type=service&plateforme=pronote&academie=lille`);
    expect(generator.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await generator.text();
    expect(html).toContain('/integrer/service/pronote?academie=lille');
    expect(html).toContain('/badges/pronote/lille.svg');
  });
});
