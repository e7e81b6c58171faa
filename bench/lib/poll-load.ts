// Load generator of the poll benchmark, run as its own process (it shares the 2 cores with the
// server): `viewers` clients each GET one path every `intervalMs` (fixed rate, sending back the last
// ETag as a browser revalidating would), while reports are POSTed open loop at `reportRate`/s.
// Usage: poll-load.ts '<json config>'; prints one JSON summary on stdout.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { percentileOfSorted as percentile } from './stats';

export type PollConfig = {
  port: number;
  seconds: number;
  warmupSeconds: number;
  viewers: number;
  intervalMs: number;
  /** Each viewer keeps one path for the whole run, drawn with these weights. */
  mix: Array<{ kind: string; weight: number; paths: string[] }>;
  reportPort: number;
  reportRate: number;
  reportPairs: Array<[string, string]>;
};

export type KindSummary = { kind: string; requests: number; perSecond: number; notModified: number; errors: number; p50: number; p95: number; p99: number; max: number; serverP99: number | null };
export type PollSummary = { kinds: KindSummary[]; all: KindSummary; reports: { sent: number; accepted: number; perSecond: number; p99: number } };

const CATEGORIES = ['unreachable', 'login', 'slow', 'error_page', 'feature_homework'];
const pick = <T,>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

type Sample = { kind: string; ms: number; status: number; serverMs: number | null };

function request(agent: http.Agent, opts: http.RequestOptions, body?: string): Promise<{ status: number; ms: number; etag: string | null; serverMs: number | null }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', agent, ...opts }, (res) => {
      res.resume();
      res.on('end', () => {
        const timing = /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, etag: (res.headers.etag as string | undefined) ?? null, serverMs: timing ? Number(timing[1]) : null });
      });
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started, etag: null, serverMs: null }));
    req.end(body);
  });
}

function summarise(kind: string, samples: Sample[], seconds: number): KindSummary {
  const ok = samples.filter((s) => s.status === 200 || s.status === 304);
  const ms = ok.map((s) => s.ms).sort((a, b) => a - b);
  const server = ok.flatMap((s) => (s.serverMs === null ? [] : [s.serverMs])).sort((a, b) => a - b);
  return {
    kind,
    requests: samples.length,
    perSecond: ok.length / seconds,
    notModified: samples.filter((s) => s.status === 304).length,
    errors: samples.length - ok.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? 0,
    serverP99: server.length ? percentile(server, 99) : null,
  };
}

async function viewer(config: PollConfig, agent: http.Agent, path: string, kind: string, until: number, measureFrom: number, samples: Sample[]) {
  let etag: string | null = null;
  // Each viewer is its own client address (the app trusts X-Forwarded-For from 127.0.0.1 here).
  const ip = `172.${16 + Math.floor(Math.random() * 16)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  let next = performance.now() + Math.random() * config.intervalMs;
  while (next < until) {
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    const headers: Record<string, string> = { 'accept-encoding': 'gzip', 'x-forwarded-for': ip, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' };
    if (etag) headers['if-none-match'] = etag;
    const sentAt = performance.now();
    const res = await request(agent, { port: config.port, path, method: 'GET', headers });
    if (res.etag) etag = res.etag;
    if (sentAt >= measureFrom) samples.push({ kind, ms: res.ms, status: res.status, serverMs: res.serverMs });
    next += config.intervalMs;
    while (next < performance.now()) next += config.intervalMs;
  }
}

async function reporter(config: PollConfig, until: number, measureFrom: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const pending: Array<Promise<{ status: number; ms: number; sentAt: number }>> = [];
  const started = performance.now();
  for (let i = 0; ; i += 1) {
    const due = started + (i * 1000) / config.reportRate;
    if (due >= until) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const [platform, academy] = pick(config.reportPairs);
    const body = JSON.stringify({ platform, academy, category: pick(CATEGORIES), idempotencyKey: randomUUID() });
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile', 'x-forwarded-for': ip };
    const sentAt = performance.now();
    pending.push(request(agent, { port: config.reportPort, path: '/api/reports', method: 'POST', headers }, body).then((r) => ({ ...r, sentAt })));
  }
  const done = (await Promise.all(pending)).filter((r) => r.sentAt >= measureFrom);
  agent.destroy();
  const accepted = done.filter((r) => r.status === 201 || r.status === 200);
  return { sent: done.length, accepted: accepted.length, p99: percentile(accepted.map((r) => r.ms).sort((a, b) => a - b), 99) };
}

export async function runPollLoad(config: PollConfig): Promise<PollSummary> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: config.viewers });
  const start = performance.now();
  const measureFrom = start + config.warmupSeconds * 1000;
  const until = measureFrom + config.seconds * 1000;
  const total = config.mix.reduce((sum, m) => sum + m.weight, 0);
  const samples: Sample[] = [];
  const viewers = Array.from({ length: config.viewers }, (_, i) => {
    let r = ((i + 0.5) / config.viewers) * total;
    const slot = config.mix.find((m) => (r -= m.weight) < 0) ?? config.mix[0];
    if (!slot) throw new Error('empty mix');
    return viewer(config, agent, pick(slot.paths), slot.kind, until, measureFrom, samples);
  });
  const [reports] = await Promise.all([config.reportRate > 0 ? reporter(config, until, measureFrom) : Promise.resolve({ sent: 0, accepted: 0, p99: 0 }), ...viewers]);
  agent.destroy();
  return {
    kinds: config.mix.map((m) => summarise(m.kind, samples.filter((s) => s.kind === m.kind), config.seconds)),
    all: summarise('all', samples, config.seconds),
    reports: { ...reports, perSecond: reports.accepted / config.seconds },
  };
}

if (process.argv[2]) {
  runPollLoad(JSON.parse(process.argv[2]) as PollConfig)
    .then((summary) => process.stdout.write(`${JSON.stringify(summary)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
