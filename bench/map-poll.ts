// `npm run bench:poll`: GET /api/etat on a production build while BENCH_VIEWERS (default 1,000) viewers
// poll it every 2 s (most live, some filtered by platform or category, a few on shared replay links)
// and reports are POSTed at 100/s; on PostgreSQL and on the embedded default. Baselines in the same
// run, same viewers and reports: a bare Node server answering a fixed copy of the state (the floor),
// and on PostgreSQL the app's icon, a trivial request through Next.js (why /api/etat has a fast path;
// /api/health reads the migration state on every call and is no floor). The load generator is a separate
// process on the same 2 cores. BENCH_SECONDS (default 60) measured per phase after 10 s of warm-up.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/create-client';
import { startEmbeddedServer } from '../lib/db/embedded/owner';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { formatParisLocal } from '../lib/calendar/paris-time';
import { startApp, stop, waitUntilUp, type Server } from './lib/app-server';
import { fillPollData } from './lib/poll-fill';
import type { PollConfig, PollSummary } from './lib/poll-load';
import { freePort, startPostgres } from './lib/postgres';
import { waitForQuiet } from './lib/quiet';
import { writeResults, type Row } from './lib/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1000);
const REPORT_RATE = 100;
const TARGET_P99_MS = 50;
const FILTERED = ['pronote', 'cned-ma-classe-a-la-maison', 'ecoledirecte', 'monlycee-net', 'educonnect', 'skolengo'];
const REPORT_PAIRS: Array<[string, string]> = ['pronote', 'ecoledirecte', 'educonnect', 'cned-ma-classe-a-la-maison', 'skolengo'].flatMap((p) =>
  ['paris', 'versailles', 'creteil', 'lille', 'lyon', 'toulouse', 'bordeaux', 'nantes', 'rennes', 'la-reunion'].map((a): [string, string] => [p, a]),
);

function etatMix(now: number): PollConfig['mix'] {
  // Shared replay links: 12 instants of the last 3 hours, a quarter of them filtered by platform.
  const replays = Array.from({ length: 12 }, (_, i) => {
    const at = encodeURIComponent(formatParisLocal(new Date(now - (i + 1) * 15 * 60_000)));
    return i % 4 === 0 ? `/api/etat?at=${at}&plateforme=pronote` : `/api/etat?at=${at}`;
  });
  return [
    { kind: 'live, all platforms', weight: 80, paths: ['/api/etat'] },
    { kind: 'live, one platform', weight: 12, paths: FILTERED.map((p) => `/api/etat?plateforme=${p}`) },
    { kind: 'live, one category', weight: 3, paths: ['/api/etat?categorie=login', '/api/etat?categorie=slow&plateforme=pronote'] },
    { kind: 'replay link', weight: 5, paths: replays },
  ];
}

type ProcStat = { pid: number; ppid: number; comm: string; cpu: number };

function procStats(): ProcStat[] {
  return readdirSync('/proc').flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    try {
      const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      const comm = raw.slice(raw.indexOf('(') + 1, raw.lastIndexOf(')'));
      return [{ pid: Number(pid), ppid: Number(fields[1]), comm, cpu: (Number(fields[11]) + Number(fields[12])) / 100 }];
    } catch {
      return [];
    }
  });
}

/** CPU seconds used so far by a process and its descendants (the app: launcher, server, embedded database), and by PostgreSQL. */
function cpuSeconds(root: number): { server: number; postgres: number } {
  const stats = procStats();
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of stats) if (!tree.has(p.pid) && tree.has(p.ppid)) grew = tree.add(p.pid).size > 0;
  }
  const sum = (list: ProcStat[]) => list.reduce((a, p) => a + p.cpu, 0);
  return { server: sum(stats.filter((p) => tree.has(p.pid))), postgres: sum(stats.filter((p) => p.comm === 'postgres' && !tree.has(p.pid))) };
}

function ensureBuild(): void {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (existsSync(path.join(dist, 'BUILD_ID'))) return;
  console.log(`Construction de production dans ${dist}…`);
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) throw new Error('npm run build a échoué');
}

function runLoad(config: PollConfig): Promise<PollSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', 'bench/lib/poll-load.ts', JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as PollSummary) : reject(new Error(`load generator exited with ${code}`))));
  });
}

async function startStatic(bodyFile: string): Promise<Server> {
  const port = await freePort();
  const child = spawn('node', ['--import', 'tsx', 'bench/lib/static-json-server.ts'], { env: { ...process.env, PORT: String(port), BODY_FILE: bodyFile }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  await waitUntilUp(port, '/', child);
  return { port, child };
}

type Phase = PollSummary & { cpu: { server: number; postgres: number }; load: [number, number] };

const QUIET_WAIT_MS = 120_000;


/** One measured phase; cpu = cores used meanwhile by the server's processes and by PostgreSQL's; load = load average before and after. */
async function phase(server: Server, reportPort: number, mix: PollConfig['mix']): Promise<Phase> {
  await waitForQuiet(QUIET_WAIT_MS);
  const loadBefore = os.loadavg()[0] ?? 0;
  const [before, t0] = [cpuSeconds(server.child.pid ?? 0), performance.now()];
  const summary = await runLoad({ port: server.port, reportPort, mix, seconds: SECONDS, warmupSeconds: 10, viewers: VIEWERS, intervalMs: 2000, reportRate: REPORT_RATE, reportPairs: REPORT_PAIRS });
  const [after, elapsed] = [cpuSeconds(server.child.pid ?? 0), (performance.now() - t0) / 1000];
  const cpu = { server: (after.server - before.server) / elapsed, postgres: (after.postgres - before.postgres) / elapsed };
  return { ...summary, cpu, load: [loadBefore, os.loadavg()[0] ?? 0] };
}

function rows(backend: string, endpoint: string, summary: Phase, baselines: { floor?: number } = {}): Row[] {
  const line = (k: PollSummary['all'], label: string): Row => ({
    backend,
    endpoint,
    viewers: label,
    'req/s': Math.round(k.perSecond),
    'not modified': `${((k.notModified / Math.max(1, k.requests)) * 100).toFixed(0)} %`,
    'p50 ms': k.p50.toFixed(1),
    'p95 ms': k.p95.toFixed(1),
    'p99 ms': k.p99.toFixed(1),
    'max ms': k.max.toFixed(0),
    'server p99 ms': k.serverP99 === null ? '' : k.serverP99.toFixed(1),
    errors: k.errors,
    'p99 vs floor': baselines.floor ? `${(k.p99 / baselines.floor).toFixed(2)}×` : '',
    'reports accepted/s': label === 'all' ? Math.round(summary.reports.perSecond) : '',
    'server CPU': label === 'all' ? `${Math.round(summary.cpu.server * 100)} %` : '',
    'PostgreSQL CPU': label === 'all' ? `${Math.round(summary.cpu.postgres * 100)} %` : '',
    'load avg before/after': label === 'all' ? summary.load.map((l) => l.toFixed(1)).join(' / ') : '',
  });
  return [line(summary.all, 'all'), ...(summary.kinds.length > 1 ? summary.kinds.map((k) => line(k, k.kind)) : [])];
}

async function measureBackend(label: string, app: Server, bodyFile: string, out: Row[], floorP99?: number): Promise<number> {
  let floor = floorP99;
  if (floor === undefined) {
    const bare = await startStatic(bodyFile);
    const summary = await phase(bare, app.port, [{ kind: 'fixed state', weight: 1, paths: ['/api/etat'] }]);
    await stop(bare.child);
    out.push(...rows('bare Node (floor)', 'fixed copy of /api/etat', summary));
    floor = summary.all.p99;
  }
  out.push(...rows(label, '/api/etat', await phase(app, app.port, etatMix(Date.now())), { floor }));
  if (floorP99 === undefined) {
    // Last: the framework alone cannot take this rate here, and its backlog would spill into the next phase.
    out.push(...rows(label, '/icon.svg (through Next.js)', await phase(app, app.port, [{ kind: 'icon', weight: 1, paths: ['/icon.svg'] }]), { floor }));
  }
  return floor;
}

async function main() {
  ensureBuild();
  const out: Row[] = [];
  const bodyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'ecole-poll-')), 'state.json');
  let floor: number | undefined;
  const pg = await startPostgres();
  if (pg) {
    await prepareDatabase({ url: pg.url, kind: 'postgresql' });
    const db = createPrismaClient({ url: pg.url, kind: 'postgresql', timeoutMs: 120_000 });
    console.log('PostgreSQL :', await fillPollData(db, Date.now()));
    await db.$disconnect();
    const app = await startApp({ DATABASE_URL: pg.url, DETECTOR: 'off' });
    writeFileSync(bodyFile, await (await fetch(`http://127.0.0.1:${app.port}/api/etat`)).text());
    floor = await measureBackend('app on PostgreSQL', app, bodyFile, out);
    await stop(app.child);
    pg.stop();
  } else {
    console.warn('PostgreSQL 15 introuvable : banc PostgreSQL ignoré (définissez BENCH_DATABASE_URL).');
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-poll-embedded-'));
  const owner = await startEmbeddedServer({ dataDir });
  await prepareDatabase({ url: owner.url, kind: 'embedded' });
  const db = createPrismaClient({ url: owner.url, kind: 'embedded', timeoutMs: 300_000 });
  console.log('PGlite :', await fillPollData(db, Date.now()));
  await db.$disconnect();
  await owner.stop();
  const embedded = await startApp({ DATA_DIR: dataDir, DATABASE_URL: '', DETECTOR: 'off' });
  if (floor === undefined) writeFileSync(bodyFile, await (await fetch(`http://127.0.0.1:${embedded.port}/api/etat`)).text());
  await measureBackend('app on embedded PGlite', embedded, bodyFile, out, floor);
  await stop(embedded.child);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(path.dirname(bodyFile), { recursive: true, force: true });
  const etat = out.filter((r) => r.endpoint === '/api/etat' && r.viewers === 'all');
  writeResults(
    'map-poll',
    `GET /api/etat — ${VIEWERS} viewers polling every 2 s + ${REPORT_RATE} reports/s, ${SECONDS} s per phase, load generator on the same 2-core machine`,
    out,
    { viewers: VIEWERS, seconds: SECONDS, reportRate: REPORT_RATE, targetP99Ms: TARGET_P99_MS, met: etat.every((r) => Number(r['p99 ms']) < TARGET_P99_MS) },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
