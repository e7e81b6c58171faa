// Medians, targets and the Markdown of the page benchmark (bench/page.ts).
import { formatTable, type Row } from './table';
import type { PageRun } from './lighthouse-run';

export type Target = { label: string; url: string; baseline: boolean };
export type Measured = { target: Target; runs: PageRun[] };

export const TARGETS = { score: 90, lcpMs: 2500, jsBytes: 250_000 };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The run whose score is the median one (its LCP element and chunk list are the ones shown). */
export function medianRun(runs: PageRun[]): PageRun {
  const sorted = [...runs].sort((a, b) => a.score - b.score || a.lcpMs - b.lcpMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] as PageRun;
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const s = (ms: number) => (ms / 1000).toFixed(2);
const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL');
const shortUrl = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

export function summaryRows(measured: Measured[]): Row[] {
  const staticLcp = median(measured.find((m) => m.target.label.startsWith('static'))?.runs.map((r) => r.lcpMs) ?? []);
  return measured.map(({ target, runs }) => {
    const m = (pick: (r: PageRun) => number) => median(runs.map(pick));
    const [score, lcp, js] = [m((r) => r.score), m((r) => r.lcpMs), m((r) => r.jsBytes)];
    return {
      page: target.label,
      runs: runs.length,
      score,
      'LCP s': s(lcp),
      'TBT ms': Math.round(m((r) => r.tbtMs)),
      CLS: m((r) => r.cls).toFixed(3),
      'FCP s': s(m((r) => r.fcpMs)),
      'Speed Index s': s(m((r) => r.speedIndexMs)),
      'JS kB (compressed)': kB(js),
      scripts: m((r) => r.scripts.length),
      'DOM elements': m((r) => r.domElements),
      'score ≥ 90': target.baseline ? '' : verdict(score >= TARGETS.score),
      'LCP < 2.5 s': target.baseline ? '' : verdict(lcp < TARGETS.lcpMs),
      'JS < 250 kB': target.baseline ? '' : verdict(js < TARGETS.jsBytes),
      'LCP vs static copy': Number.isFinite(staticLcp) && staticLcp > 0 ? `${(lcp / staticLcp).toFixed(2)}×` : '',
    };
  });
}

export function chunkRows(measured: Measured[], perPage = 6): Row[] {
  return measured.flatMap(({ target, runs }) => {
    const run = medianRun(runs);
    const unused = new Map(run.unusedJs.map((u) => [u.url, u.wastedBytes]));
    const boot = new Map(run.bootup.map((b) => [b.url, b.scriptingMs]));
    return run.scripts.slice(0, perPage).map((script) => ({
      page: target.label,
      script: shortUrl(script.url),
      'kB compressed': kB(script.transferBytes),
      'kB uncompressed': kB(script.resourceBytes),
      'unused kB (uncompr.)': unused.has(script.url) ? kB(unused.get(script.url) ?? 0) : '',
      'scripting ms': boot.get(script.url) ?? '',
    }));
  });
}

function lcpLines(measured: Measured[]): string[] {
  return measured.map(({ target, runs }) => {
    const run = medianRun(runs);
    const phases = run.lcpPhases.map((p) => `${p.phase} ${p.ms} ms`).join(', ');
    const blocking = run.renderBlocking.map((b) => `${shortUrl(b.url)} (${b.wastedMs} ms)`).join(', ');
    const shifts = run.layoutShifts.map((l) => `\`${l.element.slice(0, 100)}\` (${l.score})`).join(', ');
    return [
      `- **${target.label}**: LCP element \`${(run.lcpElement ?? 'none').slice(0, 160)}\`; ${phases || 'no phases'}`,
      blocking ? `; render-blocking: ${blocking}` : '',
      shifts ? `; layout shifts: ${shifts}` : '',
    ].join('');
  });
}

export function renderMarkdown(opts: { title: string; at: string; notes: string[]; measured: Measured[] }): string {
  return [
    `# ${opts.title}`,
    '',
    opts.at,
    '',
    ...opts.notes.map((n) => `- ${n}`),
    '',
    formatTable(summaryRows(opts.measured)),
    '',
    '## Biggest scripts (median run)',
    '',
    formatTable(chunkRows(opts.measured)),
    '',
    '## What the LCP waited for, and what moved (median run)',
    '',
    ...lcpLines(opts.measured),
    '',
  ].join('\n');
}
