import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useSimulatedSuite } from '../helpers/e2e-suite';

const MIN = 60_000;

// A small simulated history with an outage under way, so the platform and incident pages have content.
const suite = useSimulatedSuite({
  platforms: ['pronote', 'cned-ma-classe-a-la-maison'],
  historyDays: 3,
  outages: (now) => [
    { id: 'a11y', platformId: 'pronote', academies: ['creteil', 'paris', 'versailles'], start: now - 50 * MIN, end: now + 60 * MIN, extraPerMinute: 15, kind: 'saturation' },
  ],
});

type Finding = { id: string; impact: string | null | undefined; help: string; targets: string[] };

async function seriousViolations(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

async function check(path: string, ready: (page: Page) => Promise<unknown>, width = 1280): Promise<Finding[]> {
  // AxeBuilder needs a page of an explicit context (browser.newPage() is refused).
  const context = await suite.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  try {
    const res = await page.goto(`${suite.app.baseUrl}${path}`);
    expect(res?.status(), path).toBe(200);
    await ready(page);
    return await seriousViolations(page);
  } finally {
    await context.close();
  }
}

const chartDrawn = (page: Page) => page.locator('.series-chart canvas').first().waitFor({ timeout: 30_000 });

describe('no serious or critical axe-core violation (WCAG 2.1 A/AA and best practices)', () => {
  test('home page', async () => {
    expect(await check('/', (page) => page.locator('main').waitFor())).toEqual([]);
  });

  test('report form (/signaler), desktop and phone', async () => {
    const ready = (page: Page) => page.locator('form').first().waitFor();
    expect(await check('/signaler', ready)).toEqual([]);
    expect(await check('/signaler', ready, 360)).toEqual([]);
  });

  test('platform page with its chart, and the same page in English', async () => {
    expect(await check('/plateformes/pronote', chartDrawn)).toEqual([]);
    expect(await check('/en/plateformes/pronote?fenetre=3h', chartDrawn, 360)).toEqual([]);
  });

  test('incident page', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.app.baseUrl}/plateformes/pronote`);
    const href = await page.locator('.incident-item a.incident-link').first().getAttribute('href');
    await page.close();
    expect(href).toMatch(/^\/incidents\//);
    expect(await check(href ?? '', chartDrawn)).toEqual([]);
  });

  test('académie page and the indexes', async () => {
    expect(await check('/academies/creteil', chartDrawn)).toEqual([]);
    expect(await check('/plateformes', (page) => page.locator('h1').waitFor())).toEqual([]);
    expect(await check('/academies', (page) => page.locator('h1').waitFor())).toEqual([]);
  });
});
