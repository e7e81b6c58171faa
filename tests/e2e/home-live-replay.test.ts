import { randomUUID } from 'node:crypto';
import { postAs } from '../helpers/post-as';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eSuite } from '../helpers/e2e-suite';
import { CNED, ENT_IDF, mapSeverities, seedReplayMorning, tableSeverities, waitForMap } from '../helpers/home-page';

const SCREENSHOTS = 'tests/e2e/screenshots';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const IDF = ['creteil', 'paris', 'versailles'];

const e2e = useE2eSuite({ seed: seedReplayMorning, timeout: 300_000 });

function only(severities: Record<string, string>, value: string): string[] {
  return Object.keys(severities).filter((id) => severities[id] === value).sort();
}

async function firstNumber(page: Page, selector: string): Promise<number> {
  const text = (await page.locator(selector).first().textContent()) ?? '';
  return Number(/\d[\d\s\u202f\u00a0]*/.exec(text)?.[0].replace(/\D/g, '') ?? 'NaN');
}

const panelReports = (page: Page) => firstNumber(page, '#academie-panneau [data-figure="reports"]');

describe('replay of a simulated morning (permalinks, server-rendered)', () => {
  test('the map at 09:30 for CNED shows the national outage, the same in the table, with the headline', async () => {
    const page = await e2e.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${e2e.base}/?at=2024-11-19T09:30&plateforme=cned`);
    expect(await page.locator('#filtre-plateforme').inputValue()).toBe(CNED);
    expect(await page.locator('.home-moment').textContent()).toContain('État au 19 novembre 2024 à 09:30 (heure de Paris).');
    expect(await page.locator('.headline-item', { hasText: 'Ma classe à la maison (CNED)' }).textContent()).toBe(
      'Ma classe à la maison (CNED)\u00a0: panne depuis 09:02 dans toute la France',
    );
    const table = await tableSeverities(page);
    expect(only(table, 'panne')).toHaveLength(30);
    await waitForMap(page);
    expect(await mapSeverities(page)).toEqual(table);
    expect(await page.title()).toBe('Carte des pannes le 19 novembre 2024 à 09:30 · École en panne');
    await page.close();
  });

  test('a regional ENT is « perturbé » before the detector raised it and « panne » after; other académies are not served', async () => {
    const page = await e2e.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${e2e.base}/?at=2024-11-19T09:30&plateforme=${ENT_IDF}`);
    const before = await tableSeverities(page);
    expect(only(before, 'perturbe')).toEqual(IDF);
    expect(only(before, 'non-desservie')).toHaveLength(27);
    await waitForMap(page);
    expect(await mapSeverities(page)).toEqual(before);
    await page.screenshot({ path: `${SCREENSHOTS}/home-replay-regional-desktop.png` });

    await page.goto(`${e2e.base}/?at=2024-11-19T09:50&plateforme=${ENT_IDF}&academie=paris`);
    expect(only(await tableSeverities(page), 'panne')).toEqual(IDF);
    const panel = page.locator('#academie-panneau');
    expect(await panel.getAttribute('data-academy')).toBe('paris');
    expect(await panel.locator('.academy-incidents li').count()).toBe(1);
    expect(await panel.locator('.academy-incidents a').getAttribute('href')).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    await page.close();
  });

  test('before the outages everything is normal; changing the time replays without reloading and updates the URL', async () => {
    const page = await e2e.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${e2e.base}/?at=2024-11-19T08:30`);
    await waitForMap(page);
    expect(await page.locator('.headline-section').textContent()).toContain('Aucune panne détectée à cette heure-là.');
    expect(only(await mapSeverities(page), 'normal')).toHaveLength(30);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    await page.locator('#filtre-date').fill('2024-11-19T09:50');
    await expect.poll(() => new URL(page.url()).searchParams.get('at')).toBe('2024-11-19T09:50');
    // CNED's national outage has its own strip; the map shows the regional ENT outage on top of it.
    await expect.poll(async () => only(await mapSeverities(page), 'panne')).toEqual(IDF);
    expect(await tableSeverities(page)).toEqual(await mapSeverities(page));
    expect(await page.locator('.headline-item').first().textContent()).toContain('Ma classe à la maison (CNED)');

    const fetched: string[] = [];
    page.on('request', (req) => {
      const at = new URL(req.url()).pathname === '/api/etat' ? new URL(req.url()).searchParams.get('at') : null;
      if (at) fetched.push(at);
    });
    await page.getByRole('button', { name: 'Lecture' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('at'), { timeout: 10_000 }).not.toBe('2024-11-19T09:50');
    await page.getByRole('button', { name: 'Pause' }).click();
    // Playback asked for instants ahead of the one shown (prefetch), 5 minutes apart at the default speed.
    const shown = new URL(page.url()).searchParams.get('at') ?? '';
    expect(fetched.some((at) => at > shown)).toBe(true);
    expect(fetched).toContain('2024-11-19T09:55');
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

    await page.screenshot({ path: `${SCREENSHOTS}/home-replay-desktop.png` });
    const phone = await e2e.browser.newPage({ viewport: PHONE });
    await phone.goto(page.url());
    await waitForMap(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.screenshot({ path: `${SCREENSHOTS}/home-replay-phone.png` });
    await phone.close();
    await page.close();
  });
});

describe('the 09:30 screen (national outages apart from the map)', () => {
  test('CNED is named first and the regional ENT académies stand out on the map and in the table', async () => {
    const page = await e2e.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${e2e.base}/?at=2024-11-19T09:30`);
    expect(await page.locator('.headline-item').first().getAttribute('data-platform')).toBe(CNED);
    const strip = page.locator('.national-strip');
    expect(await strip.locator('.national-item').first().getAttribute('data-platform')).toBe(CNED);
    expect(await strip.textContent()).toContain('Ma classe à la maison (CNED)');
    expect(await strip.locator('.national-item a').first().getAttribute('href')).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    const table = await tableSeverities(page);
    // Before 09:40 the ENT is a possible problem (« perturbé ») in its three académies; CNED alone leaves the others normal.
    expect(only(table, 'perturbe')).toEqual(IDF);
    expect(only(table, 'normal')).toHaveLength(27);
    expect(await page.$$eval('.academy-table tbody tr', (rows) => rows.filter((r) => r.getAttribute('data-national') === 'panne').length)).toBe(30);
    await waitForMap(page);
    expect(await mapSeverities(page)).toEqual(table);
    expect(await page.locator('path.academy-paris').getAttribute('aria-label')).toContain('panne nationale');
    await page.locator('.academy-table tr[data-academy="paris"] th a').click();
    const panel = page.locator('#academie-panneau');
    await expect.poll(() => panel.getAttribute('data-academy')).toBe('paris');
    expect(await panel.locator('.academy-platforms').textContent()).toContain('national');
    expect(await panel.locator('.academy-platforms').textContent()).toContain('Monlycée.net');
    const download = await page.locator('.download-data > a').getAttribute('href');
    expect(download).toContain('/api/v1/exports/comptages?');
    const csv = await (await fetch(`${e2e.base}${download}`)).text();
    expect(csv).toContain('Source : École en panne');
    await page.screenshot({ path: `${SCREENSHOTS}/home-replay-0930-desktop.png` });
    await page.close();
  });
});

describe('live updates', () => {
  test('a report posted through the API shows in an open page within 5 seconds, without reload', async () => {
    const page = await e2e.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${e2e.base}/?plateforme=parcoursup&academie=lyon`);
    await waitForMap(page);
    await expect.poll(() => page.locator('.home-moment').textContent(), { timeout: 15_000 }).toContain('En direct');
    const before = await panelReports(page);
    const tableBefore = await firstNumber(page, '.academy-table tr[data-academy="lyon"] td:nth-child(3)');
    const sparkline = page.locator('.platform-item[data-platform="parcoursup"]');
    const sparklineBefore = Number(await sparkline.getAttribute('data-reporters-3h'));
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    // Let the stream connect before posting (the page subscribes after hydration).
    await page.waitForTimeout(1500);
    const res = await postAs(`${e2e.base}/api/reports`, { platform: 'parcoursup', academy: 'lyon', category: 'login', role: 'parent', idempotencyKey: randomUUID().replace(/-/g, '') });
    expect(res.status).toBe(201);
    expect(res.json?.counted).toBe(true);
    await expect.poll(() => panelReports(page), { timeout: 5_000, interval: 200 }).toBe(before + 1);
    // A new source: it also counts as a distinct reporter in the table and in the platform's sparkline.
    expect(await firstNumber(page, '.academy-table tr[data-academy="lyon"] td:nth-child(3)')).toBe(tableBefore + 1);
    expect(Number(await sparkline.getAttribute('data-reporters-3h'))).toBe(sparklineBefore + 1);
    expect(await page.locator('path.academy-lyon').getAttribute('aria-label')).toContain(`${tableBefore + 1} signalant`);
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    await page.close();
  });
});
