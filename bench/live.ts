// `npm run bench:live`: one production instance holding BENCH_CONNECTIONS (default 2,000) open
// event streams (clients in a separate process) while reports are POSTed at BENCH_RATE (default
// 100/s) for BENCH_SECONDS (default 60): delay from POST to the delta at the client, connections
// kept, server RSS and CPU; against a bare Node SSE echo server measured in the same run.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { APP_SERVER_ARGS } from '../scripts/app-command';
import { askChild, createFreshDatabase } from './lib/fresh-database';
import { freePort, startPostgres } from './lib/postgres';
import { writeResults, type Row } from './lib/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const TARGETS = new Set((process.env.BENCH_LIVE_TARGETS ?? 'echo,embedded,postgres,redis').split(','));
const SAMPLE_EVERY = 10;
const PLATFORMS = ['pronote', 'ecoledirecte', 'educonnect', 'skolengo'];
const ACADEMIES = ['paris', 'versailles', 'creteil', 'lille', 'lyon', 'toulouse', 'bordeaux', 'nantes', 'rennes', 'montpellier'];

type Target = { label: string; port: number; pid: () => number | null; stop(): Promise<void> };
type ClientStats = { open: number; failed: number; refused: number; samples: number; p50: number; p95: number; p99: number; max: number; reportsPerSampledConn: number[]; minEventsAny: number };

const pick = <T,>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUp(port: number, pathName: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error('server exited');
    const ok = await fetch(`http://127.0.0.1:${port}${pathName}`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error('server did not start');
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || !child.pid) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid, 'SIGTERM');
    setTimeout(resolve, 8000).unref();
  });
}

/** The scripts/serve.ts process under the launcher (the launcher owns the embedded database). */
function servePid(root: number): number | null {
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (cmd.includes('scripts/serve.ts') && ppid === root) return Number(entry);
    } catch {
      // process gone
    }
  }
  return null;
}

function usage(pid: number | null): { rssMb: number; cpuTicks: number } {
  if (!pid) return { rssMb: Number.NaN, cpuTicks: Number.NaN };
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return { rssMb: rssKb / 1024, cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** First requests open the lazy connections (Redis limiter, bus); the measurement starts once both paths answer. */
async function warmUp(port: number): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    const flux = await fetch(`http://127.0.0.1:${port}/api/flux`, { signal: AbortSignal.timeout(1000) }).then((r) => {
      void r.body?.cancel();
      return r.status;
    }, () => 0);
    const etat = await fetch(`http://127.0.0.1:${port}/api/etat`).then((r) => r.status, () => 0);
    if (flux === 200 && etat === 200) return;
    await sleep(250);
  }
}

async function startApp(label: string, env: Record<string, string>): Promise<Target> {
  const port = await freePort();
  const child = spawn('node', APP_SERVER_ARGS, {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production', TRUSTED_PROXIES: '127.0.0.1', POW_MODE: 'off', LOG_LEVEL: 'warn', DETECTOR: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await waitUp(port, '/api/health', child);
  await warmUp(port);
  return { label, port, pid: () => (child.pid ? servePid(child.pid) : null), stop: () => stopGroup(child) };
}

async function startEcho(): Promise<Target> {
  const port = await freePort();
  const child = spawn('node', ['--import', 'tsx', 'bench/lib/sse-echo-server.ts'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  await waitUp(port, '/', child);
  return { label: 'baseline: bare Node SSE echo', port, pid: () => child.pid ?? null, stop: () => stopGroup(child) };
}

/** Open-loop POSTs at RATE/s; observedAt (unique per report) is the send time the clients measure from. */
async function postReports(port: number): Promise<{ sent: number; counted: number; notCounted: number; refused: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const out = { sent: 0, counted: 0, notCounted: 0, refused: 0, errors: 0 };
  const pendingPosts: Promise<void>[] = [];
  const start = Date.now();
  let lastAt = 0;
  for (let i = 0; i < SECONDS * RATE; i += 1) {
    const wait = start + (i * 1000) / RATE - Date.now();
    if (wait > 0) await sleep(wait);
    lastAt = Math.max(lastAt + 1, Date.now());
    const body = JSON.stringify({ platform: pick(PLATFORMS), academy: pick(ACADEMIES), category: 'unreachable', idempotencyKey: randomUUID(), observedAt: new Date(lastAt).toISOString() });
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    out.sent += 1;
    pendingPosts.push(new Promise((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/reports', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': ip, 'user-agent': 'Mozilla/5.0 (bench) Chrome/126.0' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          if (res.statusCode === 201 && text.includes('"counted":true')) out.counted += 1;
          else if (res.statusCode === 201) out.notCounted += 1;
          else if (res.statusCode === 429 || res.statusCode === 503) out.refused += 1;
          else out.errors += 1;
          resolve();
        });
      });
      req.on('error', () => {
        out.errors += 1;
        resolve();
      });
      req.end(body);
    }));
  }
  await Promise.all(pendingPosts);
  agent.destroy();
  return out;
}

async function measure(target: Target): Promise<Row & { p99Ms: number }> {
  const clients = fork('bench/lib/sse-clients.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const idle = usage(target.pid());
    const opened = await askChild<{ open: number; failed: number; refused: number }>(clients, { type: 'open', port: target.port, count: CONNECTIONS, sampleEvery: SAMPLE_EVERY }, 'opened');
    await sleep(2000);
    await askChild(clients, { type: 'reset' }, 'reset');
    const before = usage(target.pid());
    const started = Date.now();
    const posts = await postReports(target.port);
    await sleep(3000);
    const elapsed = (Date.now() - started) / 1000;
    const after = usage(target.pid());
    const stats = await askChild<ClientStats>(clients, { type: 'stats' }, 'stats');
    const delivered = stats.reportsPerSampledConn.length ? Math.min(...stats.reportsPerSampledConn) / Math.max(1, posts.counted) : 0;
    console.log(`${target.label}: ${opened.open}/${CONNECTIONS} ouvertes, ${posts.counted} signalements comptés, p99 ${stats.p99.toFixed(0)} ms`);
    return {
      target: target.label,
      'connections open (start → end)': `${opened.open} → ${stats.open}`,
      'refused/failed': `${opened.refused + stats.refused}/${opened.failed + stats.failed}`,
      'reports POSTed: counted / not counted / 429-503 / error': `${posts.sent}: ${posts.counted} / ${posts.notCounted} / ${posts.refused} / ${posts.errors}`,
      'delivered (worst sampled stream)': `${(delivered * 100).toFixed(1)} %`,
      'p50 ms': stats.p50.toFixed(0),
      'p95 ms': stats.p95.toFixed(0),
      'p99 ms': stats.p99.toFixed(0),
      'max ms': stats.max.toFixed(0),
      'server RSS MB (idle → 2k → end)': `${idle.rssMb.toFixed(0)} → ${before.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)}`,
      // /proc ticks are 1/100 s (CLK_TCK): ticks per second of wall time = % of one core.
      'server CPU % of a core': ((after.cpuTicks - before.cpuTicks) / elapsed).toFixed(0),
      p99Ms: stats.p99,
    };
  } finally {
    clients.kill('SIGTERM');
  }
}

function startRedis(): Promise<{ url: string; stop(): void } | null> {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
  if (!bin) return Promise.resolve(null);
  return freePort().then(async (port) => {
    const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await sleep(500);
    return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
  });
}

async function main() {
  const rows: Array<Row & { p99Ms: number }> = [];
  const run = async (start: () => Promise<Target>) => {
    const target = await start();
    try {
      rows.push(await measure(target));
    } finally {
      await target.stop();
    }
  };
  if (TARGETS.has('echo')) await run(startEcho);
  if (TARGETS.has('embedded')) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-live-'));
    await run(() => startApp('app, embedded (in-process bus)', { DATA_DIR: dataDir, DATABASE_URL: '' }));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const postgres = TARGETS.has('postgres') || TARGETS.has('redis') ? await startPostgres() : null;
  if (postgres) {
    if (TARGETS.has('postgres')) await run(async () => startApp('app, PostgreSQL LISTEN/NOTIFY bus', { DATABASE_URL: await createFreshDatabase(postgres.url, 'bench_live_pg', { migrate: false }), LIVE_BUS: 'postgres' }));
    const redis = TARGETS.has('redis') ? await startRedis() : null;
    if (redis) {
      await run(async () => startApp('app, PostgreSQL + Redis pub/sub bus', { DATABASE_URL: await createFreshDatabase(postgres.url, 'bench_live_redis', { migrate: false }), REDIS_URL: redis.url, LIVE_BUS: 'redis' }));
      redis.stop();
    }
    postgres.stop();
  } else if (TARGETS.has('postgres') || TARGETS.has('redis')) {
    console.warn('PostgreSQL 15 introuvable : bancs PostgreSQL et Redis ignorés (définissez BENCH_DATABASE_URL).');
  }
  const baseline = rows[0]?.p99Ms ?? Number.NaN;
  const table: Row[] = rows.map(({ p99Ms, ...row }, i) => ({ ...row, 'p99 vs baseline': i === 0 ? '' : `${(p99Ms / baseline).toFixed(2)}×` }));
  writeResults('live', `Live stream: ${CONNECTIONS} open SSE connections on one instance, reports POSTed at ${RATE}/s for ${SECONDS} s (clients and load generator on the same 2-core machine)`, table, { connections: CONNECTIONS, rate: RATE, seconds: SECONDS });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
