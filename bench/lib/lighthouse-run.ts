// One Lighthouse navigation with the default (mobile) settings in Debian's Chromium, reduced to the
// figures the page benchmark reports: metrics, script transfer sizes and what held LCP back.
import os from 'node:os';
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';

export const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export type Script = { url: string; transferBytes: number; resourceBytes: number };

export type PageRun = {
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  speedIndexMs: number;
  scripts: Script[];
  jsBytes: number;
  domElements: number;
  benchmarkIndex: number;
  /** One-minute load average of the machine when the run started. */
  load: number;
  lcpElement: string | null;
  lcpPhases: { phase: string; ms: number }[];
  renderBlocking: { url: string; wastedMs: number }[];
  unusedJs: { url: string; wastedBytes: number }[];
  bootup: { url: string; scriptingMs: number }[];
  layoutShifts: { element: string; score: number }[];
  warnings: string[];
};

type Item = Record<string, unknown>;

function itemsOf(lhr: Result, id: string): Item[] {
  const details = lhr.audits[id]?.details as { items?: Item[] } | undefined;
  return details?.items ?? [];
}

function numeric(lhr: Result, id: string): number {
  return lhr.audits[id]?.numericValue ?? Number.NaN;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function nodeLabel(node: unknown): string {
  const n = (node ?? {}) as Item;
  return `${str(n.selector)} ${str(n.snippet)}`.trim();
}

function lcpDetails(lhr: Result): Pick<PageRun, 'lcpElement' | 'lcpPhases'> {
  const [elementTable, phaseTable] = itemsOf(lhr, 'largest-contentful-paint-element') as { items?: Item[] }[];
  const node = elementTable?.items?.[0]?.node;
  const lcpElement = node ? nodeLabel(node) : null;
  const lcpPhases = (phaseTable?.items ?? []).map((p) => ({ phase: str(p.phase), ms: Math.round(num(p.timing)) }));
  return { lcpElement, lcpPhases };
}

/** Reduces a Lighthouse result to the benchmark's figures (script sizes from its network records). */
export function summarize(lhr: Result): PageRun {
  const scripts = itemsOf(lhr, 'network-requests')
    .filter((r) => r.resourceType === 'Script')
    .map((r) => ({ url: str(r.url), transferBytes: num(r.transferSize), resourceBytes: num(r.resourceSize) }))
    .sort((a, b) => b.transferBytes - a.transferBytes);
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    speedIndexMs: numeric(lhr, 'speed-index'),
    scripts,
    jsBytes: scripts.reduce((sum, s) => sum + s.transferBytes, 0),
    domElements: numeric(lhr, 'dom-size'),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    load: 0,
    ...lcpDetails(lhr),
    renderBlocking: itemsOf(lhr, 'render-blocking-resources').map((r) => ({ url: str(r.url), wastedMs: Math.round(num(r.wastedMs)) })),
    unusedJs: itemsOf(lhr, 'unused-javascript').map((r) => ({ url: str(r.url), wastedBytes: num(r.wastedBytes) })),
    bootup: itemsOf(lhr, 'bootup-time').map((r) => ({ url: str(r.url), scriptingMs: Math.round(num(r.scripting)) })),
    layoutShifts: itemsOf(lhr, 'layout-shifts').map((r) => ({ element: nodeLabel(r.node), score: Number(num(r.score).toFixed(3)) })),
    warnings: lhr.runWarnings,
  };
}

const QUIET_WAIT_MS = 180_000;

/** The machine is shared: waits (at most QUIET_WAIT_MS) until the load average falls to the core count. */
async function waitForQuiet(): Promise<number> {
  const deadline = Date.now() + QUIET_WAIT_MS;
  while ((os.loadavg()[0] ?? 0) > os.cpus().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2000));
  return Number((os.loadavg()[0] ?? 0).toFixed(1));
}

/** Launches a fresh Chromium (never a downloaded one), runs one mobile Lighthouse navigation, closes it. */
export async function runLighthouse(url: string, chromePath: string): Promise<PageRun> {
  const load = await waitForQuiet();
  const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: ['performance'], output: 'json' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return { ...summarize(result.lhr), load };
  } finally {
    chrome.kill();
  }
}
