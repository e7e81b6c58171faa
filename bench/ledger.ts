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
import { prepareDatabase } from '../lib/setup/prepare-database';
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
const SECONDS = Number(process.env.BENCH_LEDGER_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_LEDGER_ROUNDS ?? 15);
const BATCH = 200;
const BLOCK = 5;
const MODES = ['off', 'on', 'trigger'] as const;
type Mode = (typeof MODES)[number];
const LABEL: Record<Mode, string> = { off: 'ledger off (baseline)', on: 'ledger on (entries in the statement)', trigger: 'ledger on, previous design (trigger)' };
const PLATFORMS = ['pronote', 'ecoledirecte', 'educonnect', 'skolengo'];
const ACADEMIES = ['paris', 'versailles', 'creteil', 'lille', 'lyon', 'toulouse', 'bordeaux', 'nantes', 'rennes', 'montpellier'];
const pick = <T,>(list: T[], i: number): T => list[i % list.length] as T;
const loadAvg = () => (os.loadavg()[0] ?? 0).toFixed(1);
const median = (v: number[]) => percentileOfSorted([...v].sort((a, b) => a - b), 50);

let triggerEnabled: boolean | null = null;

/** The DDL runs only when the trigger's state changes (on and trigger both need it), as rarely as possible. */
async function setMode(db: PrismaClient, mode: Mode): Promise<BatchInsertOptions> {
  if (triggerEnabled !== (mode !== 'off')) {
    if (mode === 'off') await db.$executeRaw`ALTER TABLE report DISABLE TRIGGER report_ledger_insert`;
    else await db.$executeRaw`ALTER TABLE report ENABLE TRIGGER report_ledger_insert`;
    triggerEnabled = mode !== 'off';
  }
  return { ledger: mode === 'on' };
}

/**
 * Runs `turns` turns; in each, every mode (order rotated) runs `block` measurements, the first one only warming up
 * after the switch. A turn's value per mode is the median of its counted measurements.
 */
async function alternate(db: PrismaClient, turns: number, block: number, measure: (mode: Mode, options: BatchInsertOptions, n: number) => Promise<number>): Promise<Samples> {
  const samples: Samples = { off: [], on: [], trigger: [] };
  let n = 0;
  for (let turn = 0; turn < turns; turn += 1) {
    for (let j = 0; j < MODES.length; j += 1) {
      const mode = MODES[(j + turn) % MODES.length] as Mode;
      const options = await setMode(db, mode);
      const values: number[] = [];
      for (let k = 0; k < block; k += 1) {
        const value = await measure(mode, options, (n += 1));
        if (k > 0) values.push(value);
      }
      samples[mode].push(median(values));
    }
  }
  return samples;
}

function rows(n: number, t0: number): NewReportRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: uuidv7(t0 + i), platformId: pick(PLATFORMS, i), academyId: pick(ACADEMIES, i), category: 'login', role: 'parent',
    comment: null, observedAt: null, idempotencyKey: randomUUID(), sourceFingerprint: randomBytes(32).toString('hex'), networkFingerprint: null,
    deviceTokenHash: null, counted: true, distinctReporter: true, flagReason: null, createdAt: new Date(t0 + i * 10),
  }));
}

type Samples = Record<Mode, number[]>;

/**
 * Rows for one measurement: µs per report per mode (median), and the ledger's cost as the median of the
 * paired ratios (each mode against ledger off in the same turn, so that the shared machine's drifting
 * load cancels out), with their interquartile range.
 */
function summarize(what: string, samples: Samples, load: string): Row[] {
  return MODES.map((mode) => {
    const ratios = samples[mode].map((v, i) => v / (samples.off[i] ?? Number.NaN)).sort((x, y) => x - y);
    const pct = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;
    const us = median(samples[mode]);
    return {
      measure: `${what}, ${LABEL[mode]}`, 'µs/report': us.toFixed(1), 'reports/s': Math.round(1e6 / us),
      'cost vs off (median of paired turns)': mode === 'off' ? '' : pct(percentileOfSorted(ratios, 50)),
      'interquartile range': mode === 'off' ? '' : `${pct(percentileOfSorted(ratios, 25))} … ${pct(percentileOfSorted(ratios, 75))}`,
      'load avg': load,
    };
  });
}

/** µs per report of the batch statement, modes taking turns in blocks of BLOCK batches (order rotated). */
async function statementCost(db: PrismaClient): Promise<Row[]> {
  const load = loadAvg();
  const turns = Math.ceil(REPORTS / BATCH / (BLOCK - 1));
  const samples = await alternate(db, turns, BLOCK, async (_mode, options, n) => {
    const batch = rows(BATCH, Date.UTC(2026, 0, 5) + n * 3_600_000);
    const start = performance.now();
    await insertReportBatch(db, batch, options);
    return ((performance.now() - start) * 1000) / BATCH;
  });
  return summarize(`statement, ${turns} turns of ${BLOCK - 1} batches per mode`, samples, `${load} → ${loadAvg()}`);
}

/** Server-side execution time of the batch statement (EXPLAIN ANALYZE without per-node timing, whose clock reads would weigh on the longer plan; rolled back), modes taking turns likewise. */
async function serverCost(db: PrismaClient, url: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const load = loadAvg();
  const turns = Math.ceil(REPORTS / BATCH / (BLOCK - 1) / 2);
  try {
    const samples = await alternate(db, turns, BLOCK, async (_mode, options, n) => {
      const sql = reportBatchInsert(rows(BATCH, Date.UTC(2026, 1, 1) + n * 3_600_000), options);
      await client.query('BEGIN');
      const plan = await client.query<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }>(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${sql.text}`, sql.values);
      await client.query('ROLLBACK');
      return ((plan.rows[0]?.['QUERY PLAN'][0]?.['Execution Time'] ?? 0) * 1000) / BATCH;
    });
    return summarize(`statement, server-side execution only (EXPLAIN ANALYZE), ${turns} turns of ${BLOCK - 1} batches per mode`, samples, `${load} → ${loadAvg()}`);
  } finally {
    await client.end();
  }
}

function pending(i: number): PendingReport {
  return {
    id: uuidv7(), platform: pick(PLATFORMS, i), academy: pick(ACADEMIES, Math.floor(i / 4)), category: 'login', role: null, comment: null,
    observedAt: null, idempotencyKey: randomUUID(), fingerprint: randomBytes(32).toString('hex'), deviceHash: null, network: null,
    powVerified: true, website: undefined, receivedAt: new Date(),
  };
}

/** µs per accepted report (1 / rate) of the server's ingest path (batcher + processBatch) over one window. */
async function ingestWindow(db: PrismaClient, insert: BatchInsertOptions): Promise<number> {
  const batcher = createBatcher({ maxBatch: BATCH, maxWriters: 1, run: (items: PendingReport[]) => processBatch(db, items, { insert }) });
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  let n = 0;
  let accepted = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < end) {
      await batcher.submit(pending((n += 1)));
      accepted += 1;
    }
  }));
  return ((performance.now() - start) * 1000) / accepted;
}

async function ingestCost(db: PrismaClient): Promise<Row[]> {
  const samples: Samples = { off: [], on: [], trigger: [] };
  const load = loadAvg();
  await ingestWindow(db, await setMode(db, 'on'));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let j = 0; j < MODES.length; j += 1) {
      const mode = MODES[(j + round) % MODES.length] as Mode;
      samples[mode].push(await ingestWindow(db, await setMode(db, mode)));
    }
    console.log(`round ${round + 1}/${ROUNDS}: ${MODES.map((m) => `${m} ${Math.round(1e6 / (samples[m].at(-1) ?? 1))}/s`).join(', ')} (load ${loadAvg()})`);
  }
  return summarize(`ingest path, ${CLIENTS} clients, ${ROUNDS} rounds of ${SECONDS} s windows`, samples, `${load} → ${loadAvg()}`);
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
