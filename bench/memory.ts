// `npm run bench:memory`: resident memory (RSS) of each process of one app instance, idle and after a
// simulated morning (reports posted, map and pages read), for: the embedded default as shipped
// (compiled JS), the same through tsx (the former production path, as baseline), and one instance on
// PostgreSQL. Needs `npm run build` (NEXT_DIST_DIR honoured). Results: bench/results/memory.{md,json}.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_SERVER_ARGS } from '../scripts/app-command';
import { startPostgres as startClusterPostgres } from '../scripts/cluster/postgres';
import { exited, stopChild, waitFor } from '../scripts/cluster/child';
import { postReport } from '../tests/faults/helpers/load';
import { freePort } from '../lib/net/free-port';
import { writeResults, type Row } from './lib/table';

const TSX_ARGS = ['--import', 'tsx', 'scripts/run-with-db.ts', '--', process.execPath, '--import', 'tsx', '--import', './scripts/hooks/register.mjs', 'scripts/serve.ts'];
const MORNING_REPORTS = Number(process.env.BENCH_MEMORY_REPORTS ?? 20_000);
const SETTLE_MS = 15_000;

type Sample = { role: string; rssMb: number; pssMb: number; peakMb: number };

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** RSS counts every page mapped (the node binary and shared libraries once per process); PSS divides shared pages among their users. */
function memoryOf(pid: number): { rssMb: number; pssMb: number; peakMb: number } {
  const kb = (text: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  return { rssMb: Math.round(kb(status, 'VmRSS') / 1024), pssMb: Math.round(kb(rollup, 'Pss') / 1024), peakMb: Math.round(kb(status, 'VmHWM') / 1024) };
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** launcher → server → worker on the embedded database; on PostgreSQL the launcher runs the server itself (launcher = server → worker). */
function appTree(launcher: number): { server?: number; worker?: number } {
  const first = children(launcher)[0];
  if (first !== undefined && commandOf(first).includes('worker.js')) return { server: launcher, worker: first };
  return { server: first, worker: first !== undefined ? children(first)[0] : undefined };
}

function sampleTree(launcher: number): Sample[] {
  const { server, worker } = appTree(launcher);
  if (server === launcher) return [{ role: 'launcher = server (Next.js + fast paths)', ...memoryOf(launcher) }, ...(worker ? [{ role: 'worker (detector + jobs)', ...memoryOf(worker) }] : [])];
  const out: Sample[] = [{ role: 'launcher (+ PGlite when embedded)', ...memoryOf(launcher) }];
  if (server) out.push({ role: 'server (Next.js + fast paths)', ...memoryOf(server) });
  if (worker) out.push({ role: 'worker (detector + jobs)', ...memoryOf(worker) });
  return out;
}

async function morning(baseUrl: string): Promise<void> {
  let sent = 0;
  const client = async () => {
    while (sent < MORNING_REPORTS) {
      sent += 1;
      await postReport(baseUrl);
      if (sent % 50 === 0) await fetch(`${baseUrl}/api/etat`).then((r) => r.arrayBuffer());
    }
  };
  await Promise.all(Array.from({ length: 16 }, client));
  for (const page of ['/', '/signaler', '/plateformes/pronote', '/academies/versailles', '/en']) {
    await fetch(`${baseUrl}${page}`).then((r) => r.arrayBuffer());
  }
}

async function measure(name: string, args: string[], env: Record<string, string>, healthTimeoutMs = 180_000): Promise<Row[]> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_ENV: 'production', TRUSTED_PROXIES: '127.0.0.1', POW_MODE: 'off', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    await waitFor(name, async () => (await fetch(`${baseUrl}/api/health`)).ok, healthTimeoutMs);
    await waitFor(`${name} worker`, async () => appTree(child.pid as number).worker !== undefined, 30_000);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const idle = sampleTree(child.pid as number);
    const started = Date.now();
    await morning(baseUrl);
    const morningSeconds = Math.round((Date.now() - started) / 1000);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const after = sampleTree(child.pid as number);
    const rows: Row[] = idle.map((s, i) => ({
      setup: name,
      process: s.role,
      'idle RSS (MB)': s.rssMb,
      'idle PSS (MB)': s.pssMb,
      'after morning RSS (MB)': after[i]?.rssMb ?? '',
      'after morning PSS (MB)': after[i]?.pssMb ?? '',
      'peak RSS (MB)': after[i]?.peakMb ?? '',
    }));
    rows.push({
      setup: name,
      process: `total (${MORNING_REPORTS} reports in ${morningSeconds} s)`,
      'idle RSS (MB)': idle.reduce((a, s) => a + s.rssMb, 0),
      'idle PSS (MB)': idle.reduce((a, s) => a + s.pssMb, 0),
      'after morning RSS (MB)': after.reduce((a, s) => a + s.rssMb, 0),
      'after morning PSS (MB)': after.reduce((a, s) => a + s.pssMb, 0),
      'peak RSS (MB)': after.reduce((a, s) => a + s.peakMb, 0),
    });
    return rows;
  } finally {
    await stopChild(child, 20_000);
    await exited(child);
  }
}

async function main() {
  const loadStart = os.loadavg().map((v) => v.toFixed(1)).join(' ');
  const rows: Row[] = [];
  const only = process.env.BENCH_MEMORY_ONLY?.split(',');
  const want = (k: string) => !only || only.includes(k);
  if (want('embedded')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-mem-'));
    rows.push(...(await measure('embedded, compiled (npm start), new data folder', APP_SERVER_ARGS, { DATA_DIR: dir, DATABASE_URL: '' })));
    rows.push(...(await measure('embedded, compiled, restarted on that folder', APP_SERVER_ARGS, { DATA_DIR: dir, DATABASE_URL: '' })));
    rmSync(dir, { recursive: true, force: true });
  }
  if (want('tsx')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-mem-'));
    // Compiling through tsx is slow on a loaded machine: about 60 s to health at load 7 (11 s when quiet), more than 180 s at load 20.
    rows.push(...(await measure('embedded, through tsx (baseline)', TSX_ARGS, { DATA_DIR: dir, DATABASE_URL: '' }, 600_000)));
    rmSync(dir, { recursive: true, force: true });
  }
  if (want('postgresql')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-mem-pg-'));
    chmodSync(dir, 0o755);
    const pg = await startClusterPostgres(path.join(dir, 'postgres'));
    try {
      rows.push(...(await measure('PostgreSQL, compiled (app processes only)', APP_SERVER_ARGS, { DATABASE_URL: pg.url })));
    } finally {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const loadAverage = `${loadStart} → ${os.loadavg().map((v) => v.toFixed(1)).join(' ')} (${os.cpus().length} cores)`;
  writeResults('memory', `Resident memory per process (RSS and PSS, MB), idle and after a simulated morning; load average ${loadAverage}`, rows, { reports: MORNING_REPORTS, loadAverage });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
