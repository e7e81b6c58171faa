// `npm run bench:ingest`: accepted reports/s and latency of POST /api/reports on a production build,
// measured from the client, against two floors in the same run on the same throwaway PostgreSQL 15
// (fsync on, as in production): a bare Node http + pg server inserting a thin row, and the same bare
// server running the app's own insert statement. At each concurrency the three alternate, one window
// each, BENCH_ROUNDS times (order rotated). BENCH_SECONDS (default 30) per window; BENCH_LEVELS
// (default 1,10,64,256) closed-loop clients; BENCH_EMBEDDED=1 adds the embedded PGlite default. Each
// window first waits up to BENCH_QUIET_WAIT_S (20) for the load average to fall to the core count.
// The load generator is bench/lib/raw-load.ts (raw keep-alive sockets; BENCH_CLIENT=http for Node's http
// client, which costs about twice the CPU per request). Besides the rates, each window records the CPU time
// (/proc) per accepted report of the server's processes, of this PostgreSQL cluster and of the load generator:
// on a shared 2-core machine the rates move with the neighbours, the CPU per report much less.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, stop, waitUntilUp, type Server } from './lib/app-server';
import { createFreshDatabase } from './lib/fresh-database';
import { runClosedLoop as runHttpClosedLoop, type LoadResult, type RequestFactory } from './lib/load';
import { descendants, listProcesses, type ProcInfo } from './lib/proc-cpu';
import { runRawClosedLoop } from './lib/raw-load';
import { freePort, startPostgres } from './lib/postgres';
import { waitForQuiet } from './lib/quiet';
import { writeResults, type Row } from './lib/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const WARMUP_SECONDS = 3;
const QUIET_WAIT_MS = Number(process.env.BENCH_QUIET_WAIT_S ?? 20) * 1000;
const LEVELS = (process.env.BENCH_LEVELS ?? '1,10,64,256').split(',').map(Number);
const TARGET_RATIO = 0.5;
const TARGET_P50_AT_10_MS = 3;
const NATIONAL = ['pronote', 'ecoledirecte', 'educonnect', 'cned-ma-classe-a-la-maison', 'skolengo', 'parcoursup'];
const ACADEMIES = ['paris', 'versailles', 'creteil', 'lille', 'lyon', 'toulouse', 'bordeaux', 'nantes', 'rennes', 'montpellier', 'la-reunion', 'guyane'];
const CATEGORIES = ['unreachable', 'login', 'slow', 'error_page'];
const CLIENT = process.env.BENCH_CLIENT === 'http' ? 'http' : 'raw';
const runClosedLoop = CLIENT === 'http' ? runHttpClosedLoop : runRawClosedLoop;

const pick = <T,>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;

const makeReport: RequestFactory = () => ({
  path: '/api/reports',
  body: JSON.stringify({ platform: pick(NATIONAL), academy: pick(ACADEMIES), category: pick(CATEGORIES), idempotencyKey: randomUUID() }),
  headers: {
    'content-type': 'application/json',
    'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile',
    'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  },
});

type Target = { key: 'thin' | 'statement' | 'app'; label: string; server: Server };

async function startFloor(url: string, floor: 'thin' | 'statement'): Promise<Server> {
  const port = await freePort();
  const child = spawn('node', ['--import', 'tsx', 'bench/lib/baseline-server.ts'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), FLOOR: floor },
    // The IPC channel lets the floor exit when this process is gone, however it ends.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    detached: true,
  });
  await waitUntilUp(port, '/', child);
  return { port, child };
}

/** CPU µs per accepted report, by side. */
type CpuPerReport = { server: number; postgres: number | null; client: number };
type Sample = { target: Target['key']; concurrency: number; result: LoadResult; load: number; cpu: CpuPerReport };

/** The processes of the PostgreSQL cluster listening on `port` (its postmaster and backends), if it runs here. */
function postgresTree(all: ProcInfo[], port: string): Set<number> | null {
  if (!port) return null;
  const postmaster = all.find((p) => p.comm === 'postgres' && new RegExp(`-p ${port}\\b`).test(p.cmd));
  return postmaster ? descendants(all, postmaster.pid) : null;
}

/**
 * CPU µs per accepted report between two snapshots, per process (a process gone meanwhile, such as a pool's idle
 * connection closed, drops out instead of subtracting its whole past), for the server's process tree and the
 * PostgreSQL cluster; the load generator is this process.
 */
function cpuPerReport(before: { procs: ProcInfo[]; client: number }, after: { procs: ProcInfo[]; client: number }, server: Server, postgresPort: string, accepted: number): CpuPerReport {
  const start = new Map(before.procs.map((p) => [p.pid, p.cpuSeconds]));
  const used = (tree: Set<number>) => after.procs.reduce((a, p) => a + (tree.has(p.pid) ? p.cpuSeconds - (start.get(p.pid) ?? 0) : 0), 0);
  const pgTree = postgresTree(after.procs, postgresPort);
  const perReport = (seconds: number) => (seconds * 1e6) / Math.max(1, accepted);
  return {
    server: perReport(used(descendants(after.procs, server.child.pid ?? -1))),
    postgres: pgTree ? perReport(used(pgTree)) : null,
    client: perReport(after.client - before.client),
  };
}

function snapshot(): { procs: ProcInfo[]; client: number } {
  const own = process.cpuUsage();
  return { procs: listProcesses(), client: (own.user + own.system) / 1e6 };
}

function merge(samples: Sample[]): { cpu: CpuPerReport; perSecond: number; p50: number; p99: number; max: number; refused: number; errors: number; load: string } {
  const mean = (f: (s: Sample) => number) => samples.reduce((a, s) => a + f(s), 0) / Math.max(1, samples.length);
  const cpu = (f: (c: CpuPerReport) => number | null) => {
    const values = samples.map((s) => f(s.cpu));
    return values.some((v) => v === null) ? null : mean((s) => f(s.cpu) ?? 0);
  };
  return {
    cpu: { server: cpu((c) => c.server) ?? 0, postgres: cpu((c) => c.postgres), client: cpu((c) => c.client) ?? 0 },
    perSecond: mean((s) => s.result.acceptedPerSecond),
    p50: mean((s) => s.result.p50),
    p99: mean((s) => s.result.p99),
    max: Math.max(...samples.map((s) => s.result.max)),
    refused: samples.reduce((a, s) => a + s.result.refused, 0),
    errors: samples.reduce((a, s) => a + s.result.errors, 0),
    load: samples.map((s) => s.load.toFixed(1)).join(', '),
  };
}

function tableRows(targets: Target[], samples: Sample[]): { rows: Row[]; met: boolean[] } {
  const rows: Row[] = [];
  const met: boolean[] = [];
  for (const concurrency of LEVELS) {
    const at = samples.filter((s) => s.concurrency === concurrency);
    const thin = merge(at.filter((s) => s.target === 'thin')).perSecond;
    const statement = merge(at.filter((s) => s.target === 'statement')).perSecond;
    for (const target of targets) {
      const m = merge(at.filter((s) => s.target === target.key));
      const isApp = target.key === 'app';
      const ok = !isApp || (m.perSecond >= TARGET_RATIO * thin && (concurrency !== 10 || m.p50 < TARGET_P50_AT_10_MS));
      if (isApp) met.push(ok);
      rows.push({
        clients: concurrency,
        server: target.label,
        'accepted/s': Math.round(m.perSecond),
        'vs thin floor': target.key === 'thin' ? '' : `${(m.perSecond / thin).toFixed(2)}×`,
        'vs statement floor': target.key === 'app' ? `${(m.perSecond / statement).toFixed(2)}×` : '',
        'p50 ms': m.p50.toFixed(1),
        'p99 ms': m.p99.toFixed(1),
        'max ms': m.max.toFixed(0),
        'refused/errors': `${m.refused}/${m.errors}`,
        'CPU µs/report server / PostgreSQL / client': `${m.cpu.server.toFixed(0)} / ${m.cpu.postgres === null ? '?' : m.cpu.postgres.toFixed(0)} / ${m.cpu.client.toFixed(0)}`,
        target: isApp ? (ok ? 'met' : 'missed') : '',
        'load avg': m.load,
      });
    }
  }
  return { rows, met };
}

async function measure(targets: Target[], postgresPort: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const concurrency of LEVELS) {
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let i = 0; i < targets.length; i += 1) {
        const target = targets[(i + round) % targets.length] as Target;
        const label = `${concurrency} clients`;
        await waitForQuiet(QUIET_WAIT_MS);
        await runClosedLoop({ label, port: target.server.port, concurrency, seconds: WARMUP_SECONDS, make: makeReport });
        const load = os.loadavg()[0] ?? 0;
        const before = snapshot();
        const result = await runClosedLoop({ label, port: target.server.port, concurrency, seconds: SECONDS, make: makeReport });
        const cpu = cpuPerReport(before, snapshot(), target.server, postgresPort, result.accepted);
        console.log(
          `${label}, ${target.label}: ${Math.round(result.acceptedPerSecond)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, CPU µs/report ${cpu.server.toFixed(0)} / ${cpu.postgres?.toFixed(0) ?? '?'} / ${cpu.client.toFixed(0)} (load ${load.toFixed(1)})`,
        );
        samples.push({ target: target.key, concurrency, result, load, cpu });
      }
    }
  }
  return samples;
}

async function embeddedRows(): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-embedded-'));
  const embedded = await startApp({ DATA_DIR: dataDir, DATABASE_URL: '', DETECTOR: 'off' });
  const target: Target = { key: 'app', label: 'app on embedded PGlite', server: embedded };
  const samples = await measure([target], '');
  await stop(embedded.child);
  rmSync(dataDir, { recursive: true, force: true });
  return samples.map((s) => ({ clients: s.concurrency, server: target.label, 'accepted/s': Math.round(s.result.acceptedPerSecond), 'p50 ms': s.result.p50.toFixed(1), 'p99 ms': s.result.p99.toFixed(1), 'load avg': s.load.toFixed(1) }));
}

async function main() {
  const postgres = await startPostgres();
  if (!postgres) throw new Error('PostgreSQL 15 introuvable (définissez BENCH_DATABASE_URL).');
  const targets: Target[] = [];
  try {
    targets.push({ key: 'thin', label: 'floor: bare http + pg, thin row', server: await startFloor(await createFreshDatabase(postgres.url, 'bench_thin'), 'thin') });
    targets.push({ key: 'statement', label: "floor: bare http + pg, the app's statement", server: await startFloor(await createFreshDatabase(postgres.url, 'bench_statement'), 'statement') });
    targets.push({ key: 'app', label: 'app (production build)', server: await startApp({ DATABASE_URL: await createFreshDatabase(postgres.url, 'bench_app'), DETECTOR: 'off' }) });
    const samples = await measure(targets, new URL(postgres.url).port);
    const { rows, met } = tableRows(targets, samples);
    if (process.env.BENCH_EMBEDDED === '1') rows.push(...(await embeddedRows()));
    writeResults(
      'ingest',
      `POST /api/reports from ${LEVELS.join(', ')} closed-loop clients (${CLIENT === 'raw' ? 'raw keep-alive sockets' : "Node's http client"}), ${SECONDS} s windows alternated ×${ROUNDS}, same PostgreSQL 15 (fsync on); load generator on the same 2-core machine`,
      rows,
      { seconds: SECONDS, rounds: ROUNDS, levels: LEVELS, targets: { ratioToThinFloor: TARGET_RATIO, p50At10ClientsMs: TARGET_P50_AT_10_MS }, met: met.every(Boolean), cores: os.cpus().length, client: CLIENT },
    );
  } finally {
    for (const t of targets) await stop(t.server.child);
    postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
