import { randomUUID } from 'node:crypto';
import { postAs } from '../helpers/post-as';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { MapState } from '@/lib/map-state/types';
import { launchBrowser } from '../helpers/browser';
import { collectSse } from '../helpers/sse-client';

let browser: Browser;
let base: string;
let clientBundle: string;
const aborts: AbortController[] = [];

// The browser client as the home page ships it (EventSource, fetch, applyDelta), bundled for a test page.
const ENTRY = `
import { createLiveConnection } from '@/lib/live-client/live-connection';
import { fluxUrlFor, stateUrlFor } from '@/lib/live-client/urls';
import { applyDelta } from '@/lib/map-state/apply-delta';
window.__startLive = async (opts) => {
  const live = { state: null, modes: [], states: 0 };
  window.__live = live;
  live.state = await (await fetch(stateUrlFor({ platformId: null, category: null }))).json();
  const connection = createLiveConnection({
    fluxUrl: (seq) => opts.fluxUrl ?? fluxUrlFor(seq),
    stateUrl: stateUrlFor({ platformId: null, category: null }),
    currentSeq: () => live.state.seq,
    onDeltas: (deltas) => { live.state = deltas.reduce(applyDelta, live.state); },
    onState: (state) => { live.state = state; live.states += 1; },
    onMode: (mode) => live.modes.push(mode),
    EventSource: opts.noEventSource ? undefined : window.EventSource,
  });
  connection.start();
  live.stop = () => connection.stop();
};`;

/** Every POST of this file comes from a client address of its own (through the trusted proxy), on its own platform. */
async function post(body: Record<string, unknown>): Promise<{ status: number; counted: boolean }> {
  const res = await postAs(`${base}/api/reports`, { category: 'unreachable', idempotencyKey: randomUUID(), ...body });
  return { status: res.status, counted: res.json?.counted === true };
}

async function livePage(opts: { fluxUrl?: string; noEventSource?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}/sources`);
  await page.evaluate(clientBundle);
  await page.evaluate((o) => (window as unknown as { __startLive(o: unknown): Promise<void> }).__startLive(o), opts);
  return page;
}

const reportersIn = (page: Page, academyId: string) =>
  page.evaluate((id) => (window as unknown as { __live: { state: MapState } }).__live.state.academies.find((a) => a.academyId === id)?.reporters ?? -1, academyId);

beforeAll(async () => {
  base = inject('baseUrl');
  browser = await launchBrowser();
  const out = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'iife', platform: 'browser', tsconfig: 'tsconfig.json' });
  clientBundle = out.outputFiles[0]?.text ?? '';
});
afterAll(async () => {
  for (const a of aborts) a.abort();
  await browser?.close();
});

describe('GET /api/flux on the production server', () => {
  test('a report POSTed to /api/reports arrives on an open stream within seconds', async () => {
    const abort = new AbortController();
    aborts.push(abort);
    const res = await fetch(`${base}/api/flux`, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toContain('no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(res.headers.get('content-encoding')).toBeNull();
    const stream = collectSse(res.body as ReadableStream<Uint8Array>);
    const sent = Date.now();
    expect(await post({ platform: 'ecoledirecte', academy: 'besancon', category: 'login' })).toEqual({ status: 201, counted: true });
    const delta = await stream.waitFor((d) => d.kind === 'report' && d.academyId === 'besancon', 5_000);
    expect(delta).toMatchObject({ platformId: 'ecoledirecte', category: 'login', reporter: true });
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(stream.raw.startsWith('retry: ')).toBe(true);
  });

  test('answers 400 with a JSON error for a bad resume point', async () => {
    const res = await fetch(`${base}/api/flux?depuis=hier`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });
});

describe('browser live client (Chromium, real EventSource)', () => {
  test('keeps a map state live: a report posted through the API is counted in the page', async () => {
    const page = await livePage();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __live: { modes: string[] } }).__live.modes), { timeout: 10_000 }).toContain('live');
    const before = await reportersIn(page, 'limoges');
    expect(before).toBeGreaterThanOrEqual(0);
    expect(await post({ platform: 'pronote', academy: 'limoges' })).toEqual({ status: 201, counted: true });
    await expect.poll(() => reportersIn(page, 'limoges'), { timeout: 5_000 }).toBe(before + 1);
    await page.context().close();
  });

  test('falls back to polling /api/etat when the stream keeps failing, and when EventSource is missing', async () => {
    const failing = await livePage({ fluxUrl: '/api/flux?depuis=invalide' });
    await expect.poll(() => failing.evaluate(() => (window as unknown as { __live: { modes: string[]; states: number } }).__live), { timeout: 20_000, interval: 500 })
      .toMatchObject({ modes: expect.arrayContaining(['polling']), states: expect.any(Number) });
    await expect.poll(() => failing.evaluate(() => (window as unknown as { __live: { states: number } }).__live.states), { timeout: 15_000 }).toBeGreaterThan(1);
    await failing.context().close();
    const noStream = await livePage({ noEventSource: true });
    const before = await reportersIn(noStream, 'reims');
    expect(await post({ platform: 'educonnect', academy: 'reims' })).toEqual({ status: 201, counted: true });
    await expect.poll(() => reportersIn(noStream, 'reims'), { timeout: 15_000 }).toBeGreaterThan(before);
    await noStream.context().close();
  });
});
