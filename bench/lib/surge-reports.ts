// Report generator of the surge benchmark, run as its own process: POSTs the simulated morning of
// 6 April 2021 (scale 10, in the simulator's order: platforms, académies, categories, comments, one
// address per simulated person) open loop to 127.0.0.1:<port>, the rate rising linearly from 0 to
// `peakPerSecond` over `rampSeconds`, then held for `holdSeconds`. Bounded: exactly the scheduled
// count, and the process exits at the deadline whatever the server does.
// Usage: surge-reports.ts '<json config>'; prints one JSON summary on stdout.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseServerTiming } from '../../lib/http/server-timing';
import { scenario2021, simulateIter, type SimReport } from '../../lib/simulate/generate';
import { percentileOfSorted as percentile } from './stats';
import { surgeSchedule } from './surge-schedule';

export type SurgeReportsConfig = { port: number; peakPerSecond: number; rampSeconds: number; holdSeconds: number; scale: number };
export type SurgeReportsSummary = {
  sent: number;
  accepted: number;
  refused: number;
  errors: number;
  /** Failures by HTTP status, or `0 <cause>` for unanswered ones (timeout, socket error code, pending). */
  errorStatuses: Record<string, number>;
  acceptedPerSecondHold: number;
  peakAcceptedPerSecond: number;
  acceptedP50: number;
  acceptedP99: number;
  answeredP99: number;
  answeredWithin2s: number;
  /** Refused (429/503) answers' p99 latency, measured here (ms). */
  refusedP99: number;
  /** The app's own stages for accepted reports (its Server-Timing header): p50 / p99 ms by stage. */
  stages: Record<string, { p50: number; p99: number }>;
  /** This generator's own event-loop delay p99 / max (ms): a late generator inflates every latency above. */
  generatorLoopP99: number;
  generatorLoopMax: number;
  timeline: Array<{ second: number; sent: number; accepted: number; refused: number; errors: number }>;
};

const TIMEOUT_MS = 10_000;
const config = JSON.parse(process.argv[2] ?? '{}') as SurgeReportsConfig;
if (!config.port || !config.peakPerSecond) throw new Error('port and peakPerSecond are required');
const { peakPerSecond: peak, rampSeconds: ramp, holdSeconds: hold } = config;
const { total, dueMs } = surgeSchedule({ peak, rampSeconds: ramp, holdSeconds: hold });

function simulatedMorning(count: number): SimReport[] {
  const out: SimReport[] = [];
  const opts = { start: new Date('2021-04-06T08:45:00+02:00'), end: new Date('2021-04-06T12:00:00+02:00'), seed: 20210406, scale: config.scale, scenarios: [scenario2021()] };
  while (out.length < count) {
    const before = out.length;
    for (const r of simulateIter(opts)) {
      out.push(r);
      if (out.length === count) break;
    }
    if (out.length === before) throw new Error('the simulator produced no report');
  }
  return out;
}

function addressOf(source: string): string {
  const h = createHash('sha256').update(source).digest();
  return `10.${h[0]}.${h[1]}.${h[2]}`;
}

const reports = simulatedMorning(total);
const agent = new http.Agent({ keepAlive: true, maxSockets: 2048 });
const sentAt = new Float64Array(total);
const latency = new Float64Array(total).fill(Number.NaN);
const status = new Uint16Array(total);
/** Server-Timing of accepted answers, by stage. */
const stageTimes: Record<string, number[]> = {};
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
/** Why an unanswered request (status 0) failed: 'timeout' (client deadline) or the socket error's code. */
const failures: Record<string, number> = {};

function post(i: number, start: number): Promise<void> {
  const r = reports[i] as SimReport;
  const now = Date.now();
  sentAt[i] = now - start;
  const body = JSON.stringify({ platform: r.platformId, academy: r.academyId, category: r.category, role: r.role, ...(r.comment ? { comment: r.comment } : {}), idempotencyKey: randomUUID(), observedAt: new Date(now).toISOString() });
  const t0 = performance.now();
  return new Promise((resolve) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': addressOf(r.source), 'user-agent': 'Mozilla/5.0 (Linux; Android 11) Chrome/89.0 Mobile' };
    const req = http.request({ host: '127.0.0.1', port: config.port, path: '/api/reports', method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        status[i] = res.statusCode ?? 0;
        latency[i] = performance.now() - t0;
        if (status[i] === 201 || status[i] === 200) {
          const timing = parseServerTiming(res.headers['server-timing'] as string | undefined);
          for (const [name, ms] of Object.entries(timing)) (stageTimes[name] ??= []).push(ms);
        }
        resolve();
      });
    });
    // From the send time, including any wait for a socket: every request ends by TIMEOUT_MS.
    const timer = setTimeout(() => req.destroy(new Error('timeout')), TIMEOUT_MS);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error: NodeJS.ErrnoException) => {
      status[i] = 0;
      const cause = error.message === 'timeout' ? 'timeout' : (error.code ?? 'error');
      failures[cause] = (failures[cause] ?? 0) + 1;
      resolve();
    });
    req.end(body);
  });
}

function summarise(): SurgeReportsSummary {
  const isAccepted = (s: number) => s === 200 || s === 201;
  const isRefused = (s: number) => s === 429 || s === 503;
  const accepted: number[] = [];
  const answered: number[] = [];
  const refusedTimes: number[] = [];
  const timeline = Array.from({ length: Math.ceil(ramp + hold) }, (_, second) => ({ second, sent: 0, accepted: 0, refused: 0, errors: 0 }));
  const errorStatuses: Record<string, number> = {};
  let holdAccepted = 0;
  for (let i = 0; i < total; i += 1) {
    const s = status[i] ?? 0;
    const slot = timeline[Math.min(timeline.length - 1, Math.floor((sentAt[i] ?? 0) / 1000))];
    if (slot) slot.sent += 1;
    if (s !== 0) answered.push(latency[i] ?? 0);
    if (isAccepted(s)) {
      accepted.push(latency[i] ?? 0);
      if (slot) slot.accepted += 1;
      if ((sentAt[i] ?? 0) >= ramp * 1000) holdAccepted += 1;
    } else if (isRefused(s)) {
      if (slot) slot.refused += 1;
      refusedTimes.push(latency[i] ?? 0);
    } else {
      if (slot) slot.errors += 1;
      if (s !== 0) errorStatuses[String(s)] = (errorStatuses[String(s)] ?? 0) + 1;
    }
  }
  // Unanswered requests by cause; any still pending at the deadline were never answered.
  const unanswered = status.filter((x) => x === 0).length - Object.values(failures).reduce((a, b) => a + b, 0);
  for (const [cause, n] of Object.entries({ ...failures, pending: unanswered })) if (n > 0) errorStatuses[`0 ${cause}`] = n;
  accepted.sort((a, b) => a - b);
  answered.sort((a, b) => a - b);
  refusedTimes.sort((a, b) => a - b);
  const stages: Record<string, { p50: number; p99: number }> = {};
  for (const [name, times] of Object.entries(stageTimes)) {
    times.sort((a, b) => a - b);
    stages[name] = { p50: percentile(times, 50), p99: percentile(times, 99) };
  }
  const count = (f: (s: number) => boolean) => Array.from(status).filter(f).length;
  const windows = timeline.map((_, i) => timeline.slice(i, i + 5).reduce((a, t) => a + t.accepted, 0) / 5);
  return {
    sent: total,
    accepted: accepted.length,
    refused: count(isRefused),
    errors: count((s) => !isAccepted(s) && !isRefused(s)),
    errorStatuses,
    acceptedPerSecondHold: hold > 0 ? holdAccepted / hold : 0,
    peakAcceptedPerSecond: Math.max(0, ...windows),
    acceptedP50: percentile(accepted, 50),
    acceptedP99: percentile(accepted, 99),
    answeredP99: percentile(answered, 99),
    answeredWithin2s: answered.filter((ms) => ms <= 2000).length / total,
    refusedP99: percentile(refusedTimes, 99),
    stages,
    generatorLoopP99: loop.percentile(99) / 1e6,
    generatorLoopMax: loop.max / 1e6,
    timeline,
  };
}

function finish(): void {
  process.stdout.write(`${JSON.stringify(summarise())}\n`);
  process.exit(0);
}

async function main() {
  // Hard bound even if this process is starved of CPU: report what was answered so far.
  setTimeout(finish, (ramp + hold) * 2000 + TIMEOUT_MS + 30_000).unref();
  const pending: Array<Promise<void>> = [];
  const start = Date.now();
  for (let i = 0; i < total; ) {
    const wait = start + dueMs(i) - Date.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    for (const now = Date.now() - start; i < total && dueMs(i) <= now + 1; i += 1) pending.push(post(i, start));
  }
  // Bounded: whatever is still unanswered at the deadline counts as an error (status 0).
  await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, TIMEOUT_MS + 5_000))]);
  agent.destroy();
  finish();
}

void main();
