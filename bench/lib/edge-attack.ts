import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { openGet, postJson } from '../../tests/helpers/raw-http';

/** How the attack's unfinished bodies ended so far: answered with a status, or still unanswered. */
export type HeldState = { statuses: Record<number, number>; unanswered: number; total: number };

export type AttackResult = {
  legit: { status: number; ms: number; code?: string }[];
  streams: { statuses: Record<number, number>; failed: number };
  /** Unfinished bodies are "held" by the server (unanswered, or 408 at its deadline) or refused (429). */
  slowBodies(): HeldState;
  stalledChunks(): HeldState;
  /** Resolves once the server has answered or closed every unfinished body (its deadline). */
  settled(): Promise<void>;
  stop(): Promise<void>;
};

const PLATFORMS = ['pronote', 'ecoledirecte', 'educonnect', 'skolengo'];
const ACADEMIES = ['paris', 'versailles', 'creteil', 'lille', 'lyon', 'toulouse', 'bordeaux', 'nantes', 'rennes', 'montpellier'];
const POST = 'POST /api/reports HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n';

type Unfinished = { status: number | null; settled: Promise<void>; socket: net.Socket };

/**
 * One unfinished report body: `trickle` sends a 4,000-byte body one byte a second; `stalled-chunk`
 * declares a huge chunk, sends a few bytes of it and stalls. Records the status the server answers.
 */
function unfinishedBody(port: number, localAddress: string, kind: 'trickle' | 'stalled-chunk', stopped: () => boolean): Unfinished {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  const body: Unfinished = { status: null, settled: Promise.resolve(), socket };
  body.settled = new Promise<void>((resolve) => {
    let raw = '';
    let tick: NodeJS.Timeout | null = null;
    const done = () => {
      if (tick) clearInterval(tick);
      resolve();
    };
    socket.on('connect', () => {
      if (kind === 'stalled-chunk') return void socket.write(`${POST}transfer-encoding: chunked\r\n\r\nfffffff\r\n{"platform":`);
      socket.write(`${POST}content-length: 4000\r\n\r\n{`);
      tick = setInterval(() => (stopped() ? socket.destroy() : socket.write(' ')), 1000);
    });
    socket.on('data', (chunk) => {
      raw += chunk.toString();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1];
      if (status && body.status === null) body.status = Number(status);
    });
    socket.on('error', done);
    socket.on('close', done);
  });
  return body;
}

function heldState(bodies: Unfinished[]): HeldState {
  const statuses: Record<number, number> = {};
  for (const b of bodies) if (b.status !== null) statuses[b.status] = (statuses[b.status] ?? 0) + 1;
  return { statuses, unanswered: bodies.filter((b) => b.status === null).length, total: bodies.length };
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, j) => make(start + j)))));
  }
  return out;
}

function legitReport(port: number, address: string, i: number) {
  const body = { platform: PLATFORMS[i % PLATFORMS.length], academy: ACADEMIES[i % ACADEMIES.length], category: 'login', idempotencyKey: randomUUID() };
  return postJson({ port, localAddress: address, path: '/api/reports', body }).then(
    (res) => {
      const shed = /saturé/.test(res.body) ? ' (shed)' : '';
      const code = res.status >= 300 ? `${/"code":"([a-z_]+)"/.exec(res.body)?.[1] ?? 'no_answer'}${shed}` : undefined;
      return { status: res.status, ms: res.ms, ...(code ? { code } : {}) };
    },
    () => ({ status: 0, ms: 15_000, code: 'no_answer' }),
  );
}

/**
 * The issue-10 attack on a running server: `streams` live streams, `slowBodies` trickling report
 * bodies from the few `attackers` addresses and `stalledChunks` stalled chunked bodies from the
 * `stallers`, then `reporters` legitimate reports over `spreadMs`, each from its own address (one
 * connection each, no pooling). The attack keeps going until `stop()`.
 */
export async function runEdgeAttack(opts: {
  port: number;
  attackers: string[];
  reporters: string[];
  slowBodies: number;
  streams: number;
  stallers?: string[];
  stalledChunks?: number;
  /** The reporters arrive evenly over this many ms (0: all at once). */
  spreadMs: number;
}): Promise<AttackResult> {
  let stopped = false;
  const isStopped = () => stopped;
  const pick = (list: string[], i: number) => list[i % Math.max(1, list.length)] as string;
  const streamAttempts = await inBatches(opts.streams, 100, (i) =>
    openGet({ port: opts.port, localAddress: pick(opts.attackers, i), path: '/api/flux' }).catch(() => null),
  );
  const bodies = Array.from({ length: opts.slowBodies }, (_, i) => unfinishedBody(opts.port, pick(opts.attackers, i), 'trickle', isStopped));
  const chunks = Array.from({ length: opts.stalledChunks ?? 0 }, (_, i) => unfinishedBody(opts.port, pick(opts.stallers ?? [], i), 'stalled-chunk', isStopped));
  const unfinished = [...bodies, ...chunks];
  // Every unfinished body has reached the server (the refused ones are answered at their headers).
  await new Promise((r) => setTimeout(r, 500));
  const legit = await Promise.all(
    opts.reporters.map(async (address, i) => {
      await new Promise((r) => setTimeout(r, (i * opts.spreadMs) / opts.reporters.length));
      return legitReport(opts.port, address, i);
    }),
  );
  const streams: Record<number, number> = {};
  for (const s of streamAttempts) if (s) streams[s.status] = (streams[s.status] ?? 0) + 1;
  return {
    legit,
    streams: { statuses: streams, failed: streamAttempts.filter((s) => s === null).length },
    slowBodies: () => heldState(bodies),
    stalledChunks: () => heldState(chunks),
    settled: () => Promise.all(unfinished.map((b) => b.settled)).then(() => {}),
    async stop() {
      stopped = true;
      for (const s of streamAttempts) s?.close();
      for (const b of unfinished) b.socket.destroy();
      await Promise.all(unfinished.map((b) => b.settled));
    },
  };
}

export const attackerAddresses = (n: number) => Array.from({ length: n }, (_, i) => `127.0.5.${i + 1}`);
export const stallerAddresses = (n: number) => Array.from({ length: n }, (_, i) => `127.0.6.${i + 1}`);
export const reporterAddresses = (n: number) => Array.from({ length: n }, (_, i) => `127.0.${10 + Math.floor(i / 250)}.${(i % 250) + 1}`);
