// `npm run bench` (ingest part): accepted reports/s and latency of POST /api/reports on a production
// build, on PostgreSQL and on the embedded default, against a bare Node + pg baseline in the same run.
// BENCH_SECONDS (default 60) per level; BENCH_LEVELS (default 16,64,256) concurrency levels.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../lib/db/prepare';
import { startApp, stop, waitUntilUp, type Server } from './lib/app-server';
import { runClosedLoop, runOpenLoop, type LoadResult, type RequestFactory } from './lib/load';
import { freePort, startPostgres } from './lib/postgres';
import { writeResults, type Row } from './lib/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const LEVELS = (process.env.BENCH_LEVELS ?? '16,64,256').split(',').map(Number);
const NATIONAL = ['pronote', 'ecoledirecte', 'educonnect', 'cned-ma-classe-a-la-maison', 'skolengo', 'parcoursup'];
const ACADEMIES = ['paris', 'versailles', 'creteil', 'lille', 'lyon', 'toulouse', 'bordeaux', 'nantes', 'rennes', 'montpellier', 'la-reunion', 'guyane'];
const CATEGORIES = ['unreachable', 'login', 'slow', 'error_page'];

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

async function startBaseline(url: string): Promise<Server> {
  const port = await freePort();
  const child = spawn('node', ['--import', 'tsx', 'bench/lib/baseline-server.ts'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await waitUntilUp(port, '/', child);
  return { port, child };
}

function row(backend: string, r: LoadResult, baseline?: number): Row {
  return {
    backend,
    load: r.label,
    'accepted/s': Math.round(r.acceptedPerSecond),
    'vs baseline': baseline ? `${(r.acceptedPerSecond / baseline).toFixed(2)}×` : '',
    'p50 ms': r.p50.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    'max ms': r.max.toFixed(0),
    'refused (429/503)': r.refused,
    errors: r.errors,
    'answered ≤2 s (client)': `${(r.answeredWithin2s * 100).toFixed(1)} %`,
    'server p99 ms': r.serverP99.toFixed(1),
    'answered ≤2 s (server)': `${(r.serverWithin2s * 100).toFixed(1)} %`,
  };
}

async function levels(port: number): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const concurrency of LEVELS) {
    results.push(await runClosedLoop({ label: `${concurrency} clients`, port, concurrency, seconds: SECONDS, make: makeReport }));
  }
  return results;
}

async function main() {
  const rows: Row[] = [];
  const pg = await startPostgres();
  if (pg) {
    const { Client } = (await import('pg')).default;
    for (const name of ['bench_app', 'bench_base']) {
      const admin = new Client({ connectionString: pg.url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
    }
    const appUrl = pg.url.replace(/\/postgres$/, '/bench_app');
    const baseUrl = pg.url.replace(/\/postgres$/, '/bench_base');
    await prepareDatabase({ url: baseUrl, kind: 'postgresql' });
    const base = await startBaseline(baseUrl);
    const baseResults = await levels(base.port);
    await stop(base.child);
    const best = Math.max(...baseResults.map((r) => r.acceptedPerSecond));
    for (const r of baseResults) rows.push(row('baseline node+pg', r));
    const app = await startApp({ DATABASE_URL: appUrl, DB_POOL_MAX: '20' });
    const appResults = await levels(app.port);
    for (const r of appResults) rows.push(row('app on PostgreSQL', r, best));
    const sustainable = Math.max(...appResults.map((r) => r.acceptedPerSecond));
    const overload = await runOpenLoop({ label: `3× (${Math.round(sustainable * 3)}/s open loop)`, port: app.port, rate: sustainable * 3, seconds: Math.min(SECONDS, 30), make: makeReport });
    rows.push(row('app on PostgreSQL', overload, best));
    await stop(app.child);
    pg.stop();
  } else {
    console.warn('PostgreSQL 15 introuvable : banc PostgreSQL ignoré (définissez BENCH_DATABASE_URL).');
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-embedded-'));
  const embedded = await startApp({ DATA_DIR: dataDir, DATABASE_URL: '' });
  for (const r of await levels(embedded.port)) rows.push(row('app on embedded PGlite', r));
  await stop(embedded.child);
  rmSync(dataDir, { recursive: true, force: true });
  writeResults('ingest', `POST /api/reports — ${SECONDS} s per level, load generator on the same 2-core machine`, rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
