// `npm run bench:detect-pass`: one detection pass (all platforms × académies, last 6 hours, day
// factors, incidents reconciled) on PostgreSQL with BENCH_REPORTS (default 10 million) reports over
// eight weeks. Cold = first pass (learns and stores every platform's baselines from 8 weeks);
// warm = later passes (baselines cached); relearn = a pass that also re-learns the stale baselines
// of MAX_RELEARN_PER_PASS platforms (what the daily re-learning adds to a pass), against the
// one-minute period of the detector loop. A BENCH_DATABASE_URL already holding the reports is reused.
import { loadavg } from 'node:os';
import { MAX_RELEARN_PER_PASS, runDetection } from '../lib/detect/run-detection';
import { createPrismaClient } from '../lib/db/create-client';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { countReports, fillReports } from './lib/fill-reports';
import { startPostgres } from './lib/postgres';
import { percentile } from './lib/stats';
import { writeResults, type Row } from './lib/table';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 10_000_000);
// With a kept database, BENCH_KEEP_BASELINES=1 skips re-learning them all in the first pass (loaded instead).
const KEEP_BASELINES = process.env.BENCH_KEEP_BASELINES === '1';
const WARM_RUNS = 10;
const RELEARN_RUNS = 3;
const PERIOD_MS = 60_000;
const DAY_MS = 86_400_000;

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const share = (ms: number) => `${((100 * ms) / PERIOD_MS).toFixed(1)} %`;

async function main() {
  const server = await startPostgres();
  if (!server) throw new Error('PostgreSQL 15 introuvable (installez postgresql-15 ou définissez BENCH_DATABASE_URL)');
  try {
    await prepareDatabase({ url: server.url, kind: 'postgresql' });
    const fillStarted = performance.now();
    const stored = await countReports(server.url);
    if (stored < REPORTS) await fillReports(server.url, REPORTS - stored);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const db = createPrismaClient({ url: server.url, kind: 'postgresql', timeoutMs: 300_000 });
    if (!KEEP_BASELINES) await db.baseline.deleteMany({});
    const counters = await db.reportCount.count();
    const loadBefore = load();
    const cache = new Map<string, { baselines: never; learnedAt: number }>();
    const now = Date.now();
    let started = performance.now();
    const first = await runDetection(db, { now: new Date(now), cache });
    const cold = performance.now() - started;
    const warm: number[] = [];
    for (let i = 1; i <= WARM_RUNS; i += 1) {
      const t = performance.now();
      await runDetection(db, { now: new Date(now + i * PERIOD_MS), cache });
      warm.push(performance.now() - t);
    }
    const relearn: number[] = [];
    for (let i = 1; i <= RELEARN_RUNS; i += 1) {
      const at = now + (WARM_RUNS + i) * PERIOD_MS;
      for (const entry of cache.values()) entry.learnedAt = at - 2 * DAY_MS;
      started = performance.now();
      await runDetection(db, { now: new Date(at), cache });
      relearn.push(performance.now() - started);
    }
    await db.$disconnect();
    const loadAfter = load();
    const rows: Row[] = [
      { pass: KEEP_BASELINES ? 'first (loads the stored baselines of every platform)' : 'cold (learns 8-week baselines of every platform)', platforms: first.platforms, ms: cold.toFixed(0), 'share of the 1-min period': share(cold) },
      { pass: `warm p50 (${WARM_RUNS} passes)`, platforms: first.platforms, ms: percentile(warm, 50).toFixed(0), 'share of the 1-min period': share(percentile(warm, 50)) },
      { pass: 'warm max', platforms: first.platforms, ms: Math.max(...warm).toFixed(0), 'share of the 1-min period': share(Math.max(...warm)) },
      { pass: `with daily re-learning of ${MAX_RELEARN_PER_PASS} platforms, p50 (${RELEARN_RUNS} passes)`, platforms: first.platforms, ms: percentile(relearn, 50).toFixed(0), 'share of the 1-min period': share(percentile(relearn, 50)) },
      { pass: `with daily re-learning of ${MAX_RELEARN_PER_PASS} platforms, max`, platforms: first.platforms, ms: Math.max(...relearn).toFixed(0), 'share of the 1-min period': share(Math.max(...relearn)) },
    ];
    writeResults(
      'detect-pass',
      `One detection pass, all platforms × académies, with ${REPORTS.toLocaleString('en')} reports stored (PostgreSQL 15; ${counters.toLocaleString('en')} per-minute counters; fill ${fillSeconds.toFixed(0)} s; load average ${loadBefore} before the passes, ${loadAfter} after)`,
      rows,
      { reports: REPORTS, counters, warmMs: warm, coldMs: cold, relearnMs: relearn, loadBefore, loadAfter },
    );
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
