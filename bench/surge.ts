// `npm run bench:surge`: the morning of 6 April 2021 from the simulator (scale 10) POSTed open loop,
// the rate rising from 0 to BENCH_SURGE_PEAK (default 1,500/s) in BENCH_SURGE_RAMP s (60) and held
// BENCH_SURGE_HOLD s (60), while BENCH_VIEWERS (1,000) viewers keep the live map open (event stream +
// /api/etat every 5 s), for 1 and 3 production instances (BENCH_SURGE_INSTANCES) on the cluster of
// `npm run cluster` (scripts/cluster/start-cluster.ts: nginx with its door limits and map cache,
// PostgreSQL 15 with fsync on, Redis). Measured from the clients; CPU per process from /proc.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { createPrismaClient } from '../lib/db/create-client';
import { ensureServerBuild } from '../scripts/app-command';
import { startCluster, type Cluster } from '../scripts/cluster/start-cluster';
import { askChild } from './lib/fresh-database';
import { fillPollData } from './lib/poll-fill';
import { waitForQuiet } from './lib/quiet';
import { coresUsed, descendants, listProcesses, type ProcInfo } from './lib/proc-cpu';
import type { SurgeReportsConfig, SurgeReportsSummary } from './lib/surge-reports';
import type { ViewersStats } from './lib/surge-viewers';
import { writeResults, type Row } from './lib/table';

const PEAK = Number(process.env.BENCH_SURGE_PEAK ?? 1500);
const RAMP = Number(process.env.BENCH_SURGE_RAMP ?? 60);
const HOLD = Number(process.env.BENCH_SURGE_HOLD ?? 60);
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1000);
const COUNTS = (process.env.BENCH_SURGE_INSTANCES ?? '1,3').split(',').map(Number);
const POLL_MS = 5_000;
const QUIET_WAIT_MS = Number(process.env.BENCH_QUIET_WAIT_S ?? 180) * 1000;
const GENERATOR_LATE_MS = 500;
const TARGETS = { errorRate: 0.001, submitP99Ms: 300, mapP99Ms: 200, liveP99Ms: 3000, scaleUp: 2 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function runReports(config: SurgeReportsConfig): { child: ChildProcess; done: Promise<SurgeReportsSummary> } {
  const child = spawn('node', ['--import', 'tsx', 'bench/lib/surge-reports.ts', JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const done = new Promise<SurgeReportsSummary>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as SurgeReportsSummary) : reject(new Error(`report generator exited with ${code}`)))),
  );
  return { child, done };
}

/** The map's history (the poll benchmark's data), written before the instances start. */
async function fillHistory(url: string): Promise<void> {
  const db = createPrismaClient({ url, kind: 'postgresql', timeoutMs: 120_000 });
  await fillPollData(db, Date.now());
  await db.$disconnect();
}

type CpuGroups = Record<string, number>;

/** Cores used per process group during the window: each instance (launcher + server + worker), nginx, PostgreSQL, Redis, generators. */
function cpuByGroup(cluster: Cluster, generators: ChildProcess[], before: ProcInfo[], after: ProcInfo[], seconds: number): CpuGroups {
  const groups: CpuGroups = {};
  const tree = (pid: number | undefined) => descendants(after, pid ?? -1);
  const of = (pids: Set<number>) => coresUsed(before, after, seconds, (p) => pids.has(p.pid));
  cluster.instances.forEach((instance, i) => {
    groups[`instance ${i + 1}`] = of(tree(instance.process.pid));
  });
  groups.nginx = of(tree(cluster.nginx.process.pid));
  groups.PostgreSQL = of(tree(cluster.postgres.process.pid));
  groups.Redis = of(tree(cluster.redis.process.pid));
  groups['load generators'] = of(new Set(generators.map((g) => g.pid ?? -1)));
  return groups;
}

type RunResult = { count: number; reports: SurgeReportsSummary; viewers: ViewersStats; cpu: CpuGroups; seconds: number; intake: unknown[]; load: [number, number] };

async function runOnce(count: number): Promise<RunResult> {
  // Proof of work off: the generator sends no solutions (the surge switch would ask every client for one).
  const cluster = await startCluster({ count, env: { POW_MODE: 'off', DETECTOR: 'on' }, prepare: fillHistory, log: (line) => console.log(`[cluster] ${line}`) });
  const port = Number(new URL(cluster.url).port);
  const viewers = fork('bench/lib/surge-viewers.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const opened = await askChild<{ open: number }>(viewers, { type: 'open', port, count: VIEWERS, sampleEvery: 50, pollMs: POLL_MS, maxSeconds: RAMP + HOLD + 300 }, 'opened');
    console.log(`${count} instance(s): ${opened.open}/${VIEWERS} flux ouverts`);
    await sleep(POLL_MS + 1000);
    await waitForQuiet(QUIET_WAIT_MS);
    await askChild(viewers, { type: 'reset' }, 'reset');
    const loadBefore = os.loadavg()[0] ?? 0;
    const before = listProcesses();
    const t0 = performance.now();
    const generator = runReports({ port, peakPerSecond: PEAK, rampSeconds: RAMP, holdSeconds: HOLD, scale: 10 });
    const reports = await generator.done;
    await sleep(3000);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuByGroup(cluster, [viewers, generator.child], before, listProcesses(), seconds);
    const stats = await askChild<ViewersStats>(viewers, { type: 'stats' }, 'stats');
    // Each instance's own intake counters (accepted, shed, …) from its health answer to a local caller
    // (over ::1: 127.0.0.1 is the trusted proxy, whose requests speak for someone else).
    const intake = await Promise.all(
      cluster.instances.map((i) => fetch(`http://[::1]:${i.port}/api/health`).then(async (r) => ((await r.json()) as { intake?: unknown }).intake ?? null, () => null)),
    );
    console.log(`${count} instance(s):`, JSON.stringify({ ...reports, timeline: undefined }), JSON.stringify(stats), JSON.stringify(intake));
    console.log(reports.timeline.map((t) => `${t.second + 1}s ${t.accepted}/${t.refused}/${t.errors}`).join(' '));
    return { count, reports, viewers: stats, cpu, seconds, intake, load: [loadBefore, os.loadavg()[0] ?? 0] };
  } finally {
    viewers.send({ type: 'stop' });
    await cluster.stop();
  }
}

function toRow(r: RunResult, single?: RunResult): Row {
  const { reports: rep, viewers: v } = r;
  const errorRate = rep.errors / rep.sent;
  const scale = single ? rep.acceptedPerSecondHold / single.reports.acceptedPerSecondHold : Number.NaN;
  return {
    instances: r.count,
    'accepted/s (held peak)': Math.round(rep.acceptedPerSecondHold),
    'best 5 s accepted/s': Math.round(rep.peakAcceptedPerSecond),
    'vs 1 instance': single && single !== r ? `${scale.toFixed(2)}×` : '',
    'sent / accepted / refused / errors': `${rep.sent} / ${rep.accepted} / ${rep.refused} / ${rep.errors}`,
    'refusal rate': `${((rep.refused / rep.sent) * 100).toFixed(1)} %`,
    'error rate': `${(errorRate * 100).toFixed(2)} %${errorRate < TARGETS.errorRate ? '' : ' ✗'}`,
    'submit p50 / p99 ms (accepted)': `${rep.acceptedP50.toFixed(0)} / ${rep.acceptedP99.toFixed(0)}${rep.acceptedP99 < TARGETS.submitP99Ms ? '' : ' ✗'}`,
    'answered ≤2 s': `${(rep.answeredWithin2s * 100).toFixed(1)} %`,
    'in the app p50 / p99 ms (batch p99, loop p50)': rep.stages.app
      ? `${rep.stages.app.p50.toFixed(0)} / ${rep.stages.app.p99.toFixed(0)} (${rep.stages.batch?.p99.toFixed(0) ?? '?'}, ${rep.stages.loop?.p50.toFixed(0) ?? '?'})`
      : '',
    'map p99 ms': `${v.readP99.toFixed(0)}${v.readP99 < TARGETS.mapP99Ms ? '' : ' ✗'}`,
    'map reads (errors)': `${v.reads} (${v.readErrors})`,
    'map reads from nginx cache': `${(((v.cacheStatuses.HIT ?? 0) + (v.cacheStatuses.STALE ?? 0) + (v.cacheStatuses.UPDATING ?? 0)) * 100 / Math.max(1, v.reads + v.readErrors)).toFixed(1)} %`,
    'live p50 / p99 ms': `${v.liveP50} / ${v.liveP99}${v.liveP99 < TARGETS.liveP99Ms ? '' : ' ✗'}`,
    'streams open at end (dropped)': `${v.open} (${v.dropped})`,
    'live MB/s to viewers': ((v.bytesPerStream * VIEWERS) / r.seconds / 1e6).toFixed(1),
    'CPU (cores)': Object.entries(r.cpu).map(([k, c]) => `${k} ${c.toFixed(2)}`).join(', '),
    'load avg before/after': r.load.map((l) => l.toFixed(1)).join(' / '),
    // A generator late by more than this sent in bursts and stamped late: the run measured the machine, not the app.
    'generator loop max ms': `${rep.generatorLoopMax.toFixed(0)}${rep.generatorLoopMax < GENERATOR_LATE_MS ? '' : ' ✗ starved'}`,
  };
}

async function main() {
  ensureServerBuild();
  const results: RunResult[] = [];
  for (const count of COUNTS) results.push(await runOnce(count));
  const single = results.find((r) => r.count === 1);
  writeResults(
    'surge',
    `Surge: 6 April 2021 morning (simulator, scale 10) POSTed open loop from 0 to ${PEAK}/s in ${RAMP} s, held ${HOLD} s, with ${VIEWERS} viewers (live stream + /api/etat every ${POLL_MS / 1000} s); N instances behind nginx, PostgreSQL 15 + Redis, all on the same ${os.cpus().length}-core machine`,
    results.map((r) => toRow(r, single)),
    { peak: PEAK, ramp: RAMP, hold: HOLD, viewers: VIEWERS, targets: TARGETS, cores: os.cpus().length, runs: results.map((r) => ({ ...r, reports: { ...r.reports } })) },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
