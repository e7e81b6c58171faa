// Child process of bench/live.ts: holds N event streams open and measures, on a sample of them, the
// delay from a report's POST (its observedAt, same machine clock) to its delta. Driven by IPC messages.
import http from 'node:http';
import { createSseParser } from '../../lib/live/sse-parser';
import { reportsOf } from './stream-reports';

type Conn = { open: boolean; sampled: boolean; events: number; reports: number };
type OpenMsg = { type: 'open'; port: number; count: number; sampleEvery: number };
type StatsMsg = { type: 'stats' };

const conns: Conn[] = [];
let delays: number[] = [];
let failed = 0;
let refused = 0;

function connect(port: number, sampled: boolean): Promise<void> {
  const conn: Conn = { open: false, sampled, events: 0, reports: 0 };
  conns.push(conn);
  const n = conns.length;
  // One address per viewer, as behind a load balancer (the server trusts 127.0.0.1 as a proxy).
  const headers = { accept: 'text/event-stream', 'x-forwarded-for': `10.200.${(n >> 8) & 255}.${n & 255}` };
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/flux', agent: false, headers }, (res) => {
      if (res.statusCode !== 200) {
        refused += 1;
        res.resume();
        resolve();
        return;
      }
      conn.open = true;
      res.setEncoding('utf8');
      const feed = sampled
        ? createSseParser((m) => {
            conn.events += 1;
            const found = reportsOf(m.data);
            if (!found) return;
            conn.reports += found.reports;
            const delay = Date.now() - found.oldest;
            for (let i = 0; i < found.reports; i += 1) delays.push(delay);
          })
        : (chunk: string) => {
            for (let i = chunk.indexOf('\ndata: '); i !== -1; i = chunk.indexOf('\ndata: ', i + 1)) conn.events += 1;
          };
      let first = true;
      res.on('data', (chunk: string) => {
        feed(chunk);
        if (first) {
          first = false;
          resolve();
        }
      });
      res.on('close', () => {
        conn.open = false;
      });
    });
    req.on('error', () => {
      failed += 1;
      conn.open = false;
      resolve();
    });
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

process.on('message', (msg: OpenMsg | StatsMsg | { type: 'reset' }) => {
  if (msg.type === 'open') {
    void (async () => {
      for (let i = 0; i < msg.count; i += 100) {
        await Promise.all(Array.from({ length: Math.min(100, msg.count - i) }, (_, j) => connect(msg.port, (i + j) % msg.sampleEvery === 0)));
      }
      process.send?.({ type: 'opened', open: conns.filter((c) => c.open).length, failed, refused });
    })();
  } else if (msg.type === 'reset') {
    delays = [];
    for (const c of conns) {
      c.events = 0;
      c.reports = 0;
    }
    process.send?.({ type: 'reset' });
  } else {
    const sorted = Float64Array.from(delays).sort();
    const sampled = conns.filter((c) => c.sampled && c.open);
    process.send?.({
      type: 'stats',
      open: conns.filter((c) => c.open).length,
      failed,
      refused,
      samples: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      reportsPerSampledConn: sampled.map((c) => c.reports),
      minEventsAny: Math.min(...conns.map((c) => c.events)),
    });
  }
});
