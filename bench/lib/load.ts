import http from 'node:http';
import { percentileOfSorted as percentile } from './stats';

export type LoadResult = {
  label: string;
  seconds: number;
  sent: number;
  accepted: number;
  refused: number;
  errors: number;
  acceptedPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  answeredWithin2s: number;
  /** Server-side time to answer (Server-Timing), which excludes the load generator's own queueing. */
  serverP99: number;
  serverWithin2s: number;
};

export type RequestFactory = () => { path: string; body: string; headers: Record<string, string> };

export type Sample = { status: number; ms: number; serverMs: number | null };

function serverDuration(header: string | string[] | undefined): number | null {
  const match = /dur=([\d.]+)/.exec(String(header ?? ''));
  return match ? Number(match[1]) : null;
}

function once(agent: http.Agent, port: number, make: RequestFactory, timeoutMs: number): Promise<Sample> {
  const { path, body, headers } = make();
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, serverMs: serverDuration(res.headers['server-timing']) }),
        );
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started, serverMs: null }));
    req.end(body);
  });
}

export function summarise(label: string, seconds: number, samples: Sample[]): LoadResult {
  const accepted = samples.filter((s) => s.status === 200 || s.status === 201);
  const refused = samples.filter((s) => s.status === 429 || s.status === 503);
  const latencies = samples.filter((s) => s.status !== 0).map((s) => s.ms).sort((a, b) => a - b);
  const serverSide = samples.flatMap((s) => (s.serverMs === null ? [] : [s.serverMs])).sort((a, b) => a - b);
  return {
    label,
    seconds,
    sent: samples.length,
    accepted: accepted.length,
    refused: refused.length,
    errors: samples.length - accepted.length - refused.length,
    acceptedPerSecond: accepted.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    answeredWithin2s: samples.filter((s) => s.status !== 0 && s.ms <= 2000).length / Math.max(1, samples.length),
    serverP99: percentile(serverSide, 99),
    serverWithin2s: samples.filter((s) => s.serverMs !== null && s.serverMs <= 2000).length / Math.max(1, samples.length),
  };
}

/** Closed loop: `concurrency` clients each send the next request as soon as the previous one is answered. */
export async function runClosedLoop(opts: { label: string; port: number; concurrency: number; seconds: number; make: RequestFactory }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const samples: Sample[] = [];
  const deadline = performance.now() + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < deadline) samples.push(await once(agent, opts.port, opts.make, 10_000));
    }),
  );
  agent.destroy();
  return summarise(opts.label, opts.seconds, samples);
}

/** Open loop: requests leave at a fixed rate whatever the server does (how overload really arrives). */
export async function runOpenLoop(opts: { label: string; port: number; rate: number; seconds: number; make: RequestFactory }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2048 });
  const pending: Array<Promise<Sample>> = [];
  const started = performance.now();
  const total = Math.round(opts.rate * opts.seconds);
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(once(agent, opts.port, opts.make, 10_000));
  }
  const samples = await Promise.all(pending);
  agent.destroy();
  return summarise(opts.label, opts.seconds, samples);
}
