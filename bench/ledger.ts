// `npm run bench:ledger`: what the evidence ledger costs the ingest path, with the ledger on and off measured
// in the same run, alternated. Modes: off (no entry: the insert trigger disabled and the statement without its
// ledger part), on (as in production: the batch statement writes its entries, bodies and hashes built in JS),
// trigger (the previous design: the statement leaves the entries to the database trigger, built per row in SQL).
// (1) the ingest statement (insertReportBatch, 200 per batch), modes rotated batch by batch; (2) the ingest
// path behind POST /api/reports without HTTP (the server's batcher and processBatch: context reads, counting
// decisions, insert, duplicate lookups) under BENCH_LEDGER_CLIENTS closed-loop clients, BENCH_LEDGER_SECONDS
// windows rotated BENCH_LEDGER_ROUNDS times; on PostgreSQL, (3) the statement's server-side execution time. PostgreSQL 15 (fsync on) when available, else the embedded database.
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { createPrismaClient } from '../lib/db/create-client';
import { startEmbeddedServer } from '../lib/db/embedded/owner';
import { prepareDatabase } from '../lib/db/prepare';
import { insertReportBatch, reportBatchInsert, type BatchInsertOptions, type NewReportRow } from '../lib/db/reports';
import type { PrismaClient } from '../lib/db/types';
import { uuidv7 } from '../lib/domain/uuid';
import { createBatcher } from '../lib/ingest/batcher';
import type { PendingReport } from '../lib/ingest/plan-batch';
import { processBatch } from '../lib/ingest/process-batch';
import { startPostgres } from './lib/postgres';
import { percentileOfSorted } from './lib/stats';
import { writeResults, type Row } from './lib/table';

const REPORTS = Number(process.env.BENCH_LEDGER_REPORTS ?? 20_000);
const CLIENTS = Number(process.env.BENCH_LEDGER_CLIENTS ?? 64);
const SECONDS = Number(process.env.BENCH_LEDGER_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_LEDGER_ROUNDS ?? 3);
const BATCH = 200;
const MODES = ['off', 'on', 'trigger'] as const;
type Mode = (typeof MODES)[number];
const LABEL: Record<Mode, string> = { off: 'ledger off (baseline)', on: 'ledger on (entries in the statement)', trigger: 'ledger on, previous design (trigger)' };
const PLATFORMS = ['pronote', 'ecoledirecte', 'educonnect', 'skolengo'];
const ACADEMIES = ['paris', 'versailles', 'creteil', 'lille', 'lyon', 'toulouse', 'bordeaux', 'nantes', 'rennes', 'montpellier'];
const pick = <T,>(list: T[], i: number): T => list[i % list.length] as T;
const loadAvg = () => (os.loadavg()[0] ?? 0).toFixed(1);
const median = (v: number[]) => percentileOfSorted([...v].sort((a, b) => a - b), 50);

async function setMode(db: PrismaClient, mode: Mode): Promise<BatchInsertOptions> {
  if (mode === 'off') await db.$executeRaw`ALTER TABLE report DISABLE TRIGGER report_ledger_insert`;
  else await db.$executeRaw`ALTER TABLE report ENABLE TRIGGER report_ledger_insert`;
  return { ledger: mode === 'on' };
}

function rows(n: number, t0: number): NewReportRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: uuidv7(t0 + i), platformId: pick(PLATFORMS, i), academyId: pick(ACADEMIES, i), category: 'login', role: 'parent',
    comment: null, observedAt: null, idempotencyKey: randomUUID(), sourceFingerprint: randomBytes(32).toString('hex'), networkFingerprint: null,
    deviceTokenHash: null, counted: true, distinctReporter: true, flagReason: null, createdAt: new Date(t0 + i * 10),
  }));
}

/** µs per report of each batch, the three modes taking turns batch by batch (order rotated). */
async function statementCost(db: PrismaClient): Promise<Row[]> {
  const data = Object.fromEntries(MODES.map((m, i) => [m, rows(REPORTS, Date.UTC(2026, 0, 5 + i))])) as Record<Mode, NewReportRow[]>;
  const samples: Record<Mode, number[]> = { off: [], on: [], trigger: [] };
  const load = loadAvg();
  for (let i = 0, turn = 0; i < REPORTS; i += BATCH, turn += 1) {
    for (let j = 0; j < MODES.length; j += 1) {
      const mode = MODES[(j + turn) % MODES.length] as Mode;
      const options = await setMode(db, mode);
      const start = performance.now();
      await insertReportBatch(db, data[mode].slice(i, i + BATCH), options);
      samples[mode].push(((performance.now() - start) * 1000) / BATCH);
    }
  }
  const off = median(samples.off);
  const after = loadAvg();
  return MODES.map((mode) => {
    const us = median(samples[mode]);
    const sorted = [...samples[mode]].sort((a, b) => a - b);
    return row({ measure: `statement (median of ${samples[mode].length} batches), ${LABEL[mode]}`, us, off, p50: '', p99: `${(percentileOfSorted(sorted, 99) * BATCH / 1000).toFixed(1)} (batch)`, load: `${load} → ${after}` });
  });
}

/** One line of the results table: time per report, its rate, and the extra time per report against ledger off. */
function row(r: { measure: string; us: number; off: number; p50: string; p99: string; load: string }): Row {
  const cost = (r.us / r.off - 1) * 100;
  return { measure: r.measure, 'µs/report': r.us.toFixed(1), 'reports/s': Math.round(1e6 / r.us), 'cost vs off': `${cost >= 0 ? '+' : ''}${cost.toFixed(1)} %`, 'p50 ms': r.p50, 'p99 ms': r.p99, 'load avg': r.load };
}

/** Server-side execution time and WAL of one batch statement (EXPLAIN ANALYZE, rolled back), per mode. */
async function serverCost(db: PrismaClient, url: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ms: Record<Mode, number[]> = { off: [], on: [], trigger: [] };
  const load = loadAvg();
  try {
    for (let turn = 0; turn < REPORTS / BATCH / 2; turn += 1) {
      for (let j = 0; j < MODES.length; j += 1) {
        const mode = MODES[(j + turn) % MODES.length] as Mode;
        const sql = reportBatchInsert(rows(BATCH, Date.UTC(2026, 1, 1) + turn * 3 * 3_600_000 + j * 3_600_000), await setMode(db, mode));
        await client.query('BEGIN');
        const plan = await client.query<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values);
        await client.query('ROLLBACK');
        ms[mode].push(plan.rows[0]?.['QUERY PLAN'][0]?.['Execution Time'] ?? 0);
      }
    }
  } finally {
    await client.end();
  }
  const off = (median(ms.off) * 1000) / BATCH;
  const after = loadAvg();
  return MODES.map((mode) => row({ measure: `statement, server-side execution (EXPLAIN ANALYZE, ${ms[mode].length} batches), ${LABEL[mode]}`, us: (median(ms[mode]) * 1000) / BATCH, off, p50: '', p99: '', load: `${load} → ${after}` }));
}

function pending(i: number): PendingReport {
  return {
    id: uuidv7(), platform: pick(PLATFORMS, i), academy: pick(ACADEMIES, Math.floor(i / 4)), category: 'login', role: null, comment: null,
    observedAt: null, idempotencyKey: randomUUID(), fingerprint: randomBytes(32).toString('hex'), deviceHash: null, network: null,
    powVerified: true, website: undefined, receivedAt: new Date(),
  };
}

/** Accepted reports/s and submit latency of the server's ingest path (batcher + processBatch) for one window. */
async function ingestWindow(db: PrismaClient, insert: BatchInsertOptions): Promise<{ perSecond: number; p50: number; p99: number }> {
  const batcher = createBatcher({ maxBatch: BATCH, maxWriters: 1, run: (items: PendingReport[]) => processBatch(db, items, { insert }) });
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < end) {
      const start = performance.now();
      await batcher.submit(pending((n += 1)));
      latencies.push(performance.now() - start);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / SECONDS, p50: percentileOfSorted(latencies, 50), p99: percentileOfSorted(latencies, 99) };
}

async function ingestCost(db: PrismaClient): Promise<Row[]> {
  const windows: Record<Mode, Array<{ perSecond: number; p50: number; p99: number; load: string }>> = { off: [], on: [], trigger: [] };
  await ingestWindow(db, await setMode(db, 'on'));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let j = 0; j < MODES.length; j += 1) {
      const mode = MODES[(j + round) % MODES.length] as Mode;
      const load = loadAvg();
      windows[mode].push({ ...(await ingestWindow(db, await setMode(db, mode))), load });
      console.log(`${mode}: ${Math.round(windows[mode].at(-1)!.perSecond)}/s (load ${load})`);
    }
  }
  const off = 1e6 / median(windows.off.map((w) => w.perSecond));
  return MODES.map((mode) => row({
    measure: `ingest path, ${CLIENTS} clients (median of ${ROUNDS} × ${SECONDS} s), ${LABEL[mode]}`, us: 1e6 / median(windows[mode].map((w) => w.perSecond)), off,
    p50: median(windows[mode].map((w) => w.p50)).toFixed(1), p99: median(windows[mode].map((w) => w.p99)).toFixed(1), load: windows[mode].map((w) => w.load).join(', '),
  }));
}

async function main() {
  const postgres = await startPostgres();
  const embedded = postgres ? null : await startEmbeddedServer({ dataDir: 'memory://' });
  const url = postgres?.url ?? embedded!.url;
  const kind = postgres ? 'postgresql' : 'embedded';
  await prepareDatabase({ url, kind });
  const db = createPrismaClient({ url, kind, timeoutMs: 120_000, poolMax: 4 });
  try {
    const statement = [...(await statementCost(db)), ...(postgres ? await serverCost(db, url) : [])];
    console.table(statement);
    const ingest = await ingestCost(db);
    await setMode(db, 'on');
    writeResults('ledger', `Ledger cost on ingest (${kind}, batches of ${BATCH}, ledger on and off alternated in one run)`, [...statement, ...ingest], {
      backend: kind, batch: BATCH, reportsPerMode: REPORTS, clients: CLIENTS, seconds: SECONDS, rounds: ROUNDS, cores: os.cpus().length,
    });
  } finally {
    await db.$disconnect();
    postgres?.stop();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
