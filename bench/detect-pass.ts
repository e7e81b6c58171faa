// `npm run bench:detect-pass`: one detection pass (all platforms × académies, last 6 hours, day
// factors, incidents reconciled) on PostgreSQL with BENCH_REPORTS (default 10 million) reports over
// eight weeks. Cold = first pass (learns and stores every platform's baselines from 8 weeks);
// warm = later passes (baselines cached), against the one-minute period of the detector loop.
import { runDetection } from '../lib/detect/run-detection';
import { createPrismaClient } from '../lib/db/create-client';
import { prepareDatabase } from '../lib/db/prepare';
import { fillReports } from './lib/fill-reports';
import { startPostgres } from './lib/postgres';
import { percentile } from './lib/stats';
import { writeResults, type Row } from './lib/table';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 10_000_000);
const WARM_RUNS = 10;
const PERIOD_MS = 60_000;

async function main() {
  const server = await startPostgres();
  if (!server) throw new Error('PostgreSQL 15 introuvable (installez postgresql-15 ou définissez BENCH_DATABASE_URL)');
  try {
    await prepareDatabase({ url: server.url, kind: 'postgresql' });
    const fillStarted = performance.now();
    await fillReports(server.url, REPORTS);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const db = createPrismaClient({ url: server.url, kind: 'postgresql', timeoutMs: 120_000 });
    const cache = new Map();
    const now = Date.now();
    const started = performance.now();
    const first = await runDetection(db, { now: new Date(now), cache });
    const cold = performance.now() - started;
    const warm: number[] = [];
    for (let i = 1; i <= WARM_RUNS; i += 1) {
      const t = performance.now();
      await runDetection(db, { now: new Date(now + i * PERIOD_MS), cache });
      warm.push(performance.now() - t);
    }
    await db.$disconnect();
    const rows: Row[] = [
      { pass: 'cold (learns 8-week baselines of every platform)', platforms: first.platforms, 'ms': cold.toFixed(0), 'share of the 1-min period': `${((100 * cold) / PERIOD_MS).toFixed(1)} %` },
      { pass: `warm p50 (${WARM_RUNS} passes)`, platforms: first.platforms, 'ms': percentile(warm, 50).toFixed(0), 'share of the 1-min period': `${((100 * percentile(warm, 50)) / PERIOD_MS).toFixed(1)} %` },
      { pass: 'warm max', platforms: first.platforms, 'ms': Math.max(...warm).toFixed(0), 'share of the 1-min period': `${((100 * Math.max(...warm)) / PERIOD_MS).toFixed(1)} %` },
    ];
    writeResults('detect-pass', `One detection pass, all platforms × académies, with ${REPORTS.toLocaleString('en')} reports stored (PostgreSQL 15; fill ${fillSeconds.toFixed(0)} s)`, rows, { reports: REPORTS, warmMs: warm, coldMs: cold });
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
