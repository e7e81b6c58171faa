// Viewers of the surge benchmark, run as its own process and driven over IPC: `count` viewers each
// hold the live stream (/api/flux) open and poll /api/etat every `pollMs` (jittered), one address
// each, on 127.0.0.1:<port> only. Measures map-read latency and, on every `sampleEvery`-th stream,
// the delay from a report's POST (its observedAt) to the counts frame carrying it (from the frame's oldest report). Exits on 'stop' or at `maxSeconds`.
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentileOfSorted as percentile } from './stats';
import { reportsOf } from './stream-reports';

export type ViewersOpen = { type: 'open'; port: number; count: number; sampleEvery: number; pollMs: number; maxSeconds: number };
export type ViewersStats = {
  type: 'stats';
  open: number;
  failed: number;
  refused: number;
  dropped: number;
  reads: number;
  readErrors: number;
  /** Failed map reads by HTTP status, or by client-side cause (timeout, error). */
  readErrorKinds: Record<string, number>;
  /** Map reads by nginx's cache status (HIT, STALE, UPDATING, MISS, EXPIRED…): how many reached an instance. */
  cacheStatuses: Record<string, number>;
  readP50: number;
  readP99: number;
  liveSamples: number;
  liveP50: number;
  liveP99: number;
  liveMax: number;
  bytesPerStream: number;
  /** This process's own event-loop delay p99 / max since the reset (ms): late here means late live figures. */
  loopP99: number;
  loopMax: number;
};

const HISTOGRAM_MS = 120_000;
const PLATFORMS = ['pronote', 'cned-ma-classe-a-la-maison', 'monlycee-net', 'ent-hauts-de-france'];
const DATA_LINE = /^data: (.*)$/gm;

let opened = 0;
let failed = 0;
let refused = 0;
let dropped = 0;
let bytes = 0;
let reads: number[] = [];
let readErrors = 0;
let readErrorKinds: Record<string, number> = {};
let cacheStatuses: Record<string, number> = {};
const readFailed = (kind: string) => {
  readErrors += 1;
  readErrorKinds[kind] = (readErrorKinds[kind] ?? 0) + 1;
};
let live = new Uint32Array(HISTOGRAM_MS + 1);
let stopped = false;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
// One keep-alive connection per viewer at most, as each browser has its own.
let agent = new http.Agent({ keepAlive: true });
const requests: http.ClientRequest[] = [];
const etags = new Map<number, string>();

const addressOf = (n: number) => `10.200.${(n >> 8) & 255}.${n & 255}`;

function openStream(port: number, n: number, sampled: boolean): Promise<void> {
  return new Promise((resolve) => {
    const headers = { accept: 'text/event-stream', 'x-forwarded-for': addressOf(n) };
    const req = http.get({ host: '127.0.0.1', port, path: '/api/flux', agent: false, headers }, (res) => {
      if (res.statusCode !== 200) {
        refused += 1;
        res.resume();
        resolve();
        return;
      }
      opened += 1;
      let carry = '';
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (!sampled) return;
        const text = carry + chunk.toString('utf8');
        const cut = text.lastIndexOf('\n');
        carry = text.slice(cut + 1);
        const now = Date.now();
        for (const m of text.slice(0, cut + 1).matchAll(DATA_LINE)) {
          const found = reportsOf(m[1] ?? '');
          if (!found) continue;
          // Each report of a counts frame is timed from the frame's oldest one (an upper bound).
          const delay = Math.max(0, Math.min(HISTOGRAM_MS, now - found.oldest));
          if (Number.isFinite(delay)) live[delay] = (live[delay] ?? 0) + found.reports;
        }
      });
      res.on('close', () => {
        opened -= 1;
        if (!stopped) dropped += 1;
      });
      resolve();
    });
    req.on('error', () => {
      failed += 1;
      resolve();
    });
    requests.push(req);
  });
}

function poll(port: number, n: number, pollMs: number): void {
  if (stopped) return;
  const path = n % 5 === 0 ? `/api/etat?plateforme=${PLATFORMS[n % PLATFORMS.length]}` : '/api/etat';
  const t0 = performance.now();
  // As a browser's HTTP cache does: revalidate with the entity tag of the last answer.
  const etag = etags.get(n);
  const headers = { 'x-forwarded-for': addressOf(n), 'accept-encoding': 'gzip', ...(etag ? { 'if-none-match': etag } : {}) };
  const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
    if (res.statusCode === 200 && typeof res.headers.etag === 'string') etags.set(n, res.headers.etag);
    const cache = String(res.headers['x-cache-status'] ?? 'none');
    cacheStatuses[cache] = (cacheStatuses[cache] ?? 0) + 1;
    res.resume();
    res.on('end', () => {
      if (res.statusCode === 200 || res.statusCode === 304) reads.push(performance.now() - t0);
      else readFailed(String(res.statusCode));
    });
  });
  req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
  req.on('error', (error) => readFailed(error.message === 'timeout' ? 'timeout' : 'error'));
  setTimeout(() => poll(port, n, pollMs), pollMs * (0.8 + 0.4 * Math.random())).unref();
}

function histogramPercentile(p: number): number {
  const total = live.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let ms = 0; ms < live.length; ms += 1) {
    seen += live[ms] ?? 0;
    if (seen > 0 && seen >= (p / 100) * total) return ms;
  }
  return Number.NaN;
}

function stats(count: number): ViewersStats {
  const sorted = reads.sort((a, b) => a - b);
  const samples = live.reduce((a, b) => a + b, 0);
  let max = 0;
  for (let ms = 0; ms < live.length; ms += 1) if ((live[ms] ?? 0) > 0) max = ms;
  return {
    type: 'stats',
    open: opened,
    failed,
    refused,
    dropped,
    reads: sorted.length,
    readErrors,
    readErrorKinds,
    cacheStatuses,
    readP50: percentile(sorted, 50),
    readP99: percentile(sorted, 99),
    liveSamples: samples,
    liveP50: histogramPercentile(50),
    liveP99: histogramPercentile(99),
    liveMax: max,
    bytesPerStream: bytes / Math.max(1, count),
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
  };
}

let viewers = 0;
process.on('message', (msg: ViewersOpen | { type: 'reset' } | { type: 'stats' } | { type: 'stop' }) => {
  if (msg.type === 'open') {
    viewers = msg.count;
    agent = new http.Agent({ keepAlive: true, maxSockets: msg.count });
    setTimeout(() => process.exit(3), msg.maxSeconds * 1000).unref();
    void (async () => {
      for (let i = 0; i < msg.count; i += 100) {
        await Promise.all(Array.from({ length: Math.min(100, msg.count - i) }, (_, j) => openStream(msg.port, i + j, (i + j) % msg.sampleEvery === 0)));
      }
      for (let n = 0; n < msg.count; n += 1) setTimeout(() => poll(msg.port, n, msg.pollMs), Math.random() * msg.pollMs).unref();
      process.send?.({ type: 'opened', open: opened, failed, refused });
    })();
  } else if (msg.type === 'reset') {
    reads = [];
    readErrors = 0;
    readErrorKinds = {};
    cacheStatuses = {};
    dropped = 0;
    bytes = 0;
    live = new Uint32Array(HISTOGRAM_MS + 1);
    loop.reset();
    process.send?.({ type: 'reset' });
  } else if (msg.type === 'stats') {
    process.send?.(stats(viewers));
  } else {
    stopped = true;
    for (const req of requests) req.destroy();
    agent.destroy();
    process.exit(0);
  }
});
