// `npm run bench:page`: Lighthouse 12 (default mobile emulation and simulated throttling) in Debian's
// Chromium on a production build filled with the demo data (6 April 2021 and the last two weeks with an
// outage under way): the map page live and replaying 6 April 2021 09:30, /signaler and a platform page,
// against two baselines measured in the same run: /sources and a script-free copy of the map page's HTML.
// BENCH_PAGE_RUNS (default 5) runs per page; BENCH_NO_BUILD=1 reuses the build in NEXT_DIST_DIR.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../lib/net/free-port';
import { createDemoDatabase } from '../scripts/demo-data';
import { startAppServer } from '../tests/helpers/app-server';
import { findChromium } from '../tests/helpers/chromium-path';
import { runLighthouse, type PageRun } from './lib/lighthouse-run';
import { median, medianRun, renderMarkdown, summaryRows, TARGETS, type Measured, type Target } from './lib/page-report';
import { serveStaticCopy, stripScripts } from './lib/static-copy';
import { formatTable } from './lib/table';

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next-bench-page';
const PLATFORM = 'cned-ma-classe-a-la-maison';
const REPLAY_AT = '2021-04-06T09:30';
const log = (line: string) => console.log(`[bench:page] ${line}`);

/** `next build` in a private folder; puts tsconfig.json back if the build only added that folder's types. */
function build(): void {
  const before = readFileSync('tsconfig.json', 'utf8');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: DIST_DIR } });
  const after = readFileSync('tsconfig.json', 'utf8');
  if (after !== before) {
    const added = (JSON.parse(after) as { include: string[] }).include.filter((p) => !before.includes(JSON.stringify(p)));
    if (added.every((p) => p.startsWith(DIST_DIR))) writeFileSync('tsconfig.json', before);
  }
  if (result.status !== 0) throw new Error(`next build failed (${result.status})`);
}


async function startApp(dataDir: string): Promise<{ base: string; port: number; child: ChildProcess }> {
  Object.assign(process.env, { NEXT_DIST_DIR: DIST_DIR, DETECTOR: 'off', LOG_LEVEL: 'warn' });
  const port = await freePort();
  const child = await startAppServer({ port, dataDir });
  return { base: `http://127.0.0.1:${port}`, port, child };
}

async function pageTargets(base: string): Promise<Target[]> {
  const targets: Target[] = [
    { label: 'map /', url: `${base}/`, baseline: false },
    { label: `map replay /?at=${REPLAY_AT}`, url: `${base}/?at=${REPLAY_AT}`, baseline: false },
    { label: 'report form /signaler', url: `${base}/signaler`, baseline: false },
  ];
  const platform = await fetch(`${base}/plateformes/${PLATFORM}`);
  if (platform.ok) targets.push({ label: `platform /plateformes/${PLATFORM}`, url: platform.url, baseline: false });
  else log(`/plateformes/${PLATFORM} answers ${platform.status}: not measured`);
  targets.push({ label: 'baseline /sources', url: `${base}/sources`, baseline: true });
  return targets;
}

async function warm(targets: Target[]): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    for (const t of targets) await fetch(t.url).then((r) => r.arrayBuffer());
  }
}

function describeTree(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim();
  return `commit ${head}${dirty ? ' plus uncommitted changes in the working tree' : ''}`;
}

async function main() {
  const chromePath = findChromium();
  if (!chromePath) throw new Error('Chromium introuvable (apt-get install chromium, ou CHROMIUM_PATH)');
  const tree = describeTree();
  if (process.env.BENCH_NO_BUILD !== '1') build();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-page-'));
  await createDemoDatabase(dataDir, log);
  const app = await startApp(dataDir);
  const copy = await serveStaticCopy(stripScripts(await (await fetch(`${app.base}/`)).text()), { host: '127.0.0.1', port: app.port });
  try {
    const targets = [...(await pageTargets(app.base)), { label: 'static copy of / (no scripts)', url: copy.url, baseline: true }];
    await warm(targets);
    const runs = new Map<Target, PageRun[]>(targets.map((t) => [t, []]));
    for (let i = 1; i <= RUNS; i += 1) {
      for (const target of targets) {
        const run = await runLighthouse(target.url, chromePath);
        runs.get(target)?.push(run);
        log(`run ${i}/${RUNS} ${target.label}: score ${run.score}, LCP ${Math.round(run.lcpMs)} ms, JS ${Math.round(run.jsBytes / 1000)} kB`);
      }
    }
    const measured: Measured[] = targets.map((target) => ({ target, runs: runs.get(target) ?? [] }));
    const all = measured.flatMap((m) => m.runs);
    const [indexes, loads] = [all.map((r) => r.benchmarkIndex), all.map((r) => r.load)];
    const at = new Date().toISOString();
    const title = `Pages on a production build — Lighthouse 12, mobile (simulated Slow 4G, 4× CPU), median of ${RUNS} runs`;
    const notes = [
      `Code: ${tree}${process.env.BENCH_NO_BUILD === '1' ? ' (build reused, may be older)' : ''}.`,
      `Targets: performance ≥ ${TARGETS.score}, LCP < ${TARGETS.lcpMs / 1000} s, JavaScript < ${TARGETS.jsBytes / 1000} kB compressed (1 kB = 1,000 bytes; transfer sizes of every script the page loaded).`,
      `Chromium ${chromePath}. The ${os.cpus().length}-core machine is shared: Lighthouse CPU benchmark index ${Math.min(...indexes)}–${Math.max(...indexes)} (median ${Math.round(median(indexes))}), load average at run start median ${median(loads).toFixed(1)} (max ${Math.max(...loads)}; each run waits up to 3 min for a load ≤ core count, ${loads.filter((l) => l > os.cpus().length).length} of ${loads.length} runs started above it). Compare pages with the baselines of the same run, interleaved run by run.`,
      `Static copy: the server-rendered HTML of / (${Math.round(copy.htmlBytes / 1000)} kB) with its scripts removed, same CSS, gzipped.`,
    ];
    const rows = summaryRows(measured);
    console.log(`\n${title}\n\n${formatTable(rows)}\n`);
    mkdirSync('bench/results', { recursive: true });
    const json = measured.map((m, i) => ({
      ...m.target,
      url: new URL(m.target.url).pathname,
      median: rows[i],
      medianRun: medianRun(m.runs),
      runs: m.runs.map(({ scripts: _s, unusedJs: _u, bootup: _b, ...rest }) => rest),
    }));
    writeFileSync('bench/results/page.json', `${JSON.stringify({ at, title, notes, targets: TARGETS, pages: json }, null, 2)}\n`);
    writeFileSync('bench/results/page.md', renderMarkdown({ title, at, notes, measured }));
  } finally {
    await copy.close();
    if (app.child.pid) process.kill(-app.child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
