import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { MESSAGES } from '@/messages';
import { useBrowserSuite } from '../helpers/e2e-suite';

const suite = useBrowserSuite();

const PHONE = { width: 360, height: 780 };

type Tree = { [key: string]: string | Tree };

function strings(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : strings(value)));
}

/** French texts of a namespace that an English page must not show (plain ones, not shared with English). */
function frenchOnly(namespace: 'report' | 'sources' | 'labels'): string[] {
  const english = new Set(strings(MESSAGES.en[namespace] as Tree));
  return strings(MESSAGES.fr[namespace] as Tree).filter((s) => !/[{<]/.test(s) && s.length >= 8 && !english.has(s));
}

async function frenchLeftovers(page: Page, namespaces: Array<'report' | 'sources' | 'labels'>): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return namespaces.flatMap(frenchOnly).filter((s) => text.includes(s));
}

describe('report form in English (production build)', () => {
  test('/en/signaler is in English, files a one-tap report and confirms it in English', async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${inject('baseUrl')}/en/signaler?plateforme=pronote&academie=versailles`);
    await page.locator('#recherche-commune').waitFor({ state: 'attached', timeout: 30_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Report an outage · École en panne');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/^Report in a few seconds/);
    expect(await page.locator('meta[property="og:locale"]').getAttribute('content')).toBe('en_GB');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Report an outage');
    expect(await page.getByRole('heading', { name: 'Report an outage of PRONOTE in the Versailles académie' }).isVisible()).toBe(true);
    expect(await page.locator('.report-quick p').textContent()).toBe('Problem: The site does not open');
    await page.locator('.report-details summary').click();
    expect(await page.locator('label[for="plateforme-pronote"]').textContent()).toBe('PRONOTESchool life · national');
    expect(await page.locator('#services-aide').textContent()).toMatch(/^Services used in the Versailles académie: \d+\.$/);
    expect(await page.locator('label[for="probleme-feature_marks"]').textContent()).toBe('Marks down');
    expect(await page.locator('#champ-role option').allTextContents()).toEqual(['I would rather not say', 'Parent', 'Pupil', 'Teacher', 'Other']);
    expect(await page.locator('form').getAttribute('action')).toBe('/en/signaler/envoyer');
    expect(await frenchLeftovers(page, ['report', 'labels'])).toEqual([]);

    await page.getByRole('button', { name: 'Report the outage' }).click();
    const count = page.locator('.report-count');
    await count.waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Thank you, your report has been recorded');
    expect(await count.textContent()).toMatch(
      /^(You are the first person to report|[\d,]+ people, you included, have reported) PRONOTE in the Versailles académie in the last 30 minutes\.$/,
    );
    expect(await page.getByRole('link', { name: 'See the live map' }).getAttribute('href')).toBe('/en?plateforme=pronote');
    expect(await page.getByRole('button', { name: 'Make another report' }).isVisible()).toBe(true);
    expect(await frenchLeftovers(page, ['report', 'labels'])).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('missing choices are listed in English, from the stable error codes', async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    await page.goto(`${inject('baseUrl')}/en/signaler?academie=lille`);
    await page.locator('#recherche-commune').waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('erreurs');
    expect(await page.locator('#erreurs h2').textContent()).toBe('The report was not sent');
    expect(await page.locator('#erreurs li').allTextContents()).toEqual(['Choose the service that is down.', 'Choose the kind of problem.']);
    expect(await page.locator('#probleme-erreur').textContent()).toBe('Error: Choose the kind of problem.');
    await page.close();
  });

  test('without JavaScript the English form posts, comes back with English errors and confirms in English', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/en/signaler`);
    await page.selectOption('#champ-academie', 'rennes');
    await page.locator('label[for="plateforme-toutatice"]').click();
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.waitForURL(/\/en\/signaler\?.*erreurs=/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('#probleme-erreur').textContent()).toBe('Error: Choose the kind of problem.');
    expect(await page.locator('#plateforme-toutatice').isChecked()).toBe(true);

    await page.locator('label[for="probleme-slow"]').click();
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.waitForURL(/\/en\/signaler\/merci\?/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you, your report has been recorded');
    expect(await page.locator('.report-count').textContent()).toContain('Toutatice in the Rennes académie');
    expect(await page.getByRole('link', { name: 'Make another report' }).getAttribute('href')).toBe('/en/signaler?academie=rennes');
    expect(await page.title()).toBe('Report sent · École en panne');
    await context.close();
  });
});

describe('sources page in English', () => {
  test('/en/sources is in English, /sources stays French', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${inject('baseUrl')}/en/sources`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Sources and licences · École en panne');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Data sources and licences');
    expect(await page.locator('article li').allTextContents()).toEqual(Object.values(MESSAGES.en.sources.items));
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/sources$/);
    expect(await frenchLeftovers(page, ['sources'])).toEqual([]);

    await page.goto(`${inject('baseUrl')}/sources`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sources et licences des données');
    expect(await page.locator('article li').first().textContent()).toMatch(/^Contours des académies\u00a0: d’après IGN/);
    await page.close();
  });
});
