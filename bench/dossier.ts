// `npm run bench:dossier`: (1) time and peak memory to build a 30-académie, 7-day dossier of the demo's
// 6 April 2021 data; (2) the same for a dossier of BENCH_DOSSIER_REPORTS (1 million). The ledger's cost on
// ingest is measured by `npm run bench:ledger`.
// PostgreSQL 15 when available (BENCH_DATABASE_URL or Debian's binaries), else the embedded database.
import '../lib/evidence/native-hash';
import { randomBytes, randomUUID } from 'node:crypto';
import { createPrismaClient } from '../lib/db/create-client';
import { startEmbeddedServer } from '../lib/db/embedded/owner';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { runDetection } from '../lib/detect/run-detection';
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildDossier } from '../lib/dossier/build';
import { dossierChunkSink, openDossierZip } from '../lib/dossier/storage';
import { dossierRequestSchema } from '../lib/dossier/schema';
import { keyFromSeed } from '../lib/evidence/signing-key';
import type { PrismaClient } from '../lib/db/types';
import { simulateIter } from '../lib/simulate/generate';
import { writeSimulatedReports } from '../lib/simulate/io/write-db';
import { scenario2021 } from '../lib/simulate/scenarios';
import { startPostgres } from './lib/postgres';
import { writeResults, type Row } from './lib/table';

const BIG = Number(process.env.BENCH_DOSSIER_REPORTS ?? 1_000_000);
const SKIP_DEMO = process.env.BENCH_DOSSIER_SKIP_DEMO === '1';
// With a capped heap (--max-old-space-size) to show the build's live memory alone.
const SKIP_VERIFY = process.env.BENCH_DOSSIER_SKIP_VERIFY === '1';
const key = keyFromSeed(randomBytes(32).toString('base64'));

async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number; peakHeapMb: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 25);
  const start = performance.now();
  try {
    const value = await fn();
    sample();
    return { value, seconds: (performance.now() - start) / 1000, peakRssMb: Math.round(rss / 2 ** 20), peakHeapMb: Math.round(heap / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

async function fillDemoWeek(db: PrismaClient): Promise<void> {
  await writeSimulatedReports(db, simulateIter({ start: new Date('2021-03-31T00:00:00+02:00'), end: new Date('2021-04-07T00:00:00+02:00'), seed: 2021, scenarios: [scenario2021()] }), { seed: 2021 });
  const cache = new Map();
  for (let t = Date.parse('2021-04-06T06:00:00+02:00'); t <= Date.parse('2021-04-06T21:00:00+02:00'); t += 15 * 60_000) await runDetection(db, { now: new Date(t), cache });
}

async function fillBig(db: PrismaClient, n: number): Promise<void> {
  const academies = (await db.academy.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((a) => a.id).slice(0, 30);
  for (let done = 0; done < n; done += 100_000) {
    const count = Math.min(100_000, n - done);
    await db.$executeRaw`
      INSERT INTO report (id, platform_id, academy_id, category, role, idempotency_key, counted, distinct_reporter, created_at, updated_at)
      SELECT gen_random_uuid(), 'ecoledirecte', (${academies}::text[])[1 + (g % ${academies.length})], 'login', 'parent', gen_random_uuid()::text,
        true, true, t, t
      FROM generate_series(${done}::int, ${done + count - 1}::int) g,
        LATERAL (SELECT timestamptz '2022-01-10 07:00:00+01' + (g % 7) * interval '1 day' + ((g / 7) % 36000) * interval '1 second' AS t) x`;
  }
}

/** Builds the dossier the way the job does (streamed into the database in pieces), then verifies the stored ZIP. */
async function dossierRow(db: PrismaClient, label: string, input: unknown): Promise<Row> {
  const request = dossierRequestSchema.parse(input);
  const id = randomUUID();
  await db.dossier.create({ data: { id, ownerId: 'bench', title: label, filters: request as object } });
  const workDir = mkdtempSync(path.join(tmpdir(), 'bench-dossier-'));
  global.gc?.();
  const before = Math.round(process.memoryUsage().rss / 2 ** 20);
  const built = await withPeakMemory(async () => {
    const sink = dossierChunkSink(db, id);
    const result = await buildDossier({ db, key, request, sink, workDir, now: new Date('2026-12-01T00:00:00Z') });
    await sink.close();
    return result;
  });
  const checks = SKIP_VERIFY ? null : await verifyBoth(db, id, built.value.sizeBytes);
  rmSync(workDir, { recursive: true, force: true });
  return {
    dossier: label, reports: built.value.reportCount, 'build s': built.seconds.toFixed(1), 'RSS before MB': before, 'build peak RSS MB': built.peakRssMb,
    'build RSS growth MB': built.peakRssMb - before, 'build peak heap MB': built.peakHeapMb, 'ZIP MB': (built.value.sizeBytes / 2 ** 20).toFixed(1),
    'verify streamed s': checks?.streamed?.seconds.toFixed(1) ?? '—', 'verify streamed peak RSS MB': checks?.streamed?.peakRssMb ?? '—',
    [`verify streamed, heap ${CAPPED_HEAP_MB} MB: s / peak RSS MB`]: checks?.capped ? `${checks.capped.seconds.toFixed(1)} / ${checks.capped.peakRssMb}` : 'failed',
    'verify in memory s': checks?.memory?.seconds.toFixed(1) ?? '—', 'verify in memory peak RSS MB': checks?.memory?.peakRssMb ?? '—',
    'verifier process at start MB': checks?.streamed?.startRssMb ?? '—',
    intact: !checks ? 'not verified' : [checks.streamed, checks.capped, checks.memory].every((c) => c?.ok) ? 'yes' : `NO: ${[checks.streamed, checks.capped, checks.memory].map((c) => c?.problem ?? (c ? 'ok' : 'failed')).join(' / ')}`,
  };
}

type ChildCheck = { seconds: number; startRssMb: number; peakRssMb: number; ok: boolean; problem: string | null };

// The streamed verifier also runs with V8's heap capped: it completes, so its live memory does not grow with the dossier.
const CAPPED_HEAP_MB = 64;

function verifyInChild(mode: 'streamed' | 'memory', file: string, heapMb?: number): ChildCheck | null {
  const args = [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), '--import', 'tsx', path.join(import.meta.dirname, 'lib/verify-child.ts'), mode, file];
  try {
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    return JSON.parse(out.trim().split('\n').at(-1)!) as ChildCheck;
  } catch {
    return null;
  }
}

/** Copies the stored ZIP to a file (piece by piece), then verifies it in a fresh process each way: streamed (now) and in memory (before). */
async function verifyBoth(db: PrismaClient, id: string, sizeBytes: number): Promise<{ streamed: ChildCheck | null; capped: ChildCheck | null; memory: ChildCheck | null }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-dossier-zip-'));
  try {
    const file = path.join(dir, 'dossier.zip');
    const stream = await openDossierZip(db, { dossierId: id, sizeBytes });
    if (!stream) throw new Error('stored dossier missing');
    await pipeline(Readable.fromWeb(stream as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(file));
    const streamed = verifyInChild('streamed', file);
    const capped = verifyInChild('streamed', file, CAPPED_HEAP_MB);
    return { streamed, capped, memory: verifyInChild('memory', file) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadNow = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const startLoad = loadNow();

async function main() {
  const pg = await startPostgres();
  const embedded = pg ? null : await startEmbeddedServer({ dataDir: 'memory://' });
  const url = pg?.url ?? embedded!.url;
  const kind = pg ? 'postgresql' : 'embedded';
  await prepareDatabase({ url, kind });
  const db = createPrismaClient({ url, kind, timeoutMs: 600_000, poolMax: 4 });
  try {
    if (!SKIP_DEMO) await fillDemoWeek(db);
    const demo = SKIP_DEMO ? null : await dossierRow(db, 'demo, 30 académies × 7 days (31 Mar–6 Apr 2021), all services', {
      title: 'Bench', platforms: (await db.platform.findMany({ select: { id: true } })).map((p) => p.id).slice(0, 50),
      academies: [], from: '2021-03-31', to: '2021-04-06',
    });
    if (demo) console.table([demo]);
    await fillBig(db, BIG);
    const big = await dossierRow(db, `${BIG.toLocaleString('en')} reports, 30 académies × 7 days, one service`, {
      title: 'Bench', platforms: ['ecoledirecte'], academies: [], from: '2022-01-10', to: '2022-01-16',
    });
    console.table([big]);
    writeResults('dossier', `Dossier build (streamed into the database) and offline verification (${kind}; load average ${startLoad} at start, ${loadNow()} at end, 2 cores)`, demo ? [demo, big] : [big], { backend: kind, heapLimit: process.execArgv.join(' ') });
  } finally {
    await db.$disconnect();
    pg?.stop();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
