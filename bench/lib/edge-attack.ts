import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { openGet, postJson } from '../../tests/helpers/raw-http';

export type AttackResult = {
  legit: { status: number; ms: number; code?: string }[];
  streams: { open: number; refused: number; failed: number };
  slowBodies: { held: number; refused: number };
  stop(): Promise<void>;
};

const PLATFORMS = ['pronote', 'ecoledirecte', 'educonnect', 'skolengo'];
const ACADEMIES = ['paris', 'versailles', 'creteil', 'lille', 'lyon', 'toulouse', 'bordeaux', 'nantes', 'rennes', 'montpellier'];

/** One slow body: headers, then a byte every second until the server answers or `stop`. Resolves with the status seen. */
function slowBody(port: number, localAddress: string, stopped: () => boolean): { settled: Promise<number>; socket: net.Socket } {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  const settled = new Promise<number>((resolve) => {
    let raw = '';
    let tick: NodeJS.Timeout | null = null;
    const done = (status: number) => {
      if (tick) clearInterval(tick);
      resolve(status);
    };
    socket.on('connect', () => {
      socket.write('POST /api/reports HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 4000\r\n\r\n{');
      tick = setInterval(() => (stopped() ? socket.destroy() : socket.write(' ')), 1000);
    });
    socket.on('data', (chunk) => {
      raw += chunk.toString();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1];
      if (status) {
        socket.destroy();
        done(Number(status));
      }
    });
    socket.on('error', () => done(0));
    socket.on('close', () => done(0));
  });
  return { settled, socket };
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, j) => make(start + j)))));
  }
  return out;
}

/**
 * The issue-10 attack on a running server: `slowBodies` trickling report bodies and `streams` live
 * streams from the few `attackers` addresses, then `reporters` legitimate reports over `spreadMs`,
 * each from its own address. The attack keeps going until `stop()`.
 */
export async function runEdgeAttack(opts: {
  port: number;
  attackers: string[];
  reporters: string[];
  slowBodies: number;
  streams: number;
  /** The reporters arrive evenly over this many ms (0: all at once). */
  spreadMs: number;
}): Promise<AttackResult> {
  let stopped = false;
  const pick = (i: number) => opts.attackers[i % Math.max(1, opts.attackers.length)] as string;
  const streamAttempts = await inBatches(opts.streams, 100, (i) =>
    openGet({ port: opts.port, localAddress: pick(i), path: '/api/flux' }).catch(() => null),
  );
  const bodies = Array.from({ length: opts.slowBodies }, (_, i) => slowBody(opts.port, pick(i), () => stopped));
  // Bodies refused at once answer within a few ms; the others are held by the server until their deadline.
  const early = await Promise.all(bodies.map((b) => Promise.race([b.settled, new Promise<number>((r) => setTimeout(() => r(-1), 500))])));
  const legit = await Promise.all(
    opts.reporters.map(async (address, i) => {
      await new Promise((r) => setTimeout(r, (i * opts.spreadMs) / opts.reporters.length));
      const body = { platform: PLATFORMS[i % PLATFORMS.length], academy: ACADEMIES[i % ACADEMIES.length], category: 'login', idempotencyKey: randomUUID() };
      const res = await postJson({ port: opts.port, localAddress: address, path: '/api/reports', body }).catch(() => ({ status: 0, ms: 15_000, body: '' }));
      const shed = /saturé/.test(res.body) ? ' (shed)' : '';
      const code = res.status >= 300 ? `${/"code":"([a-z_]+)"/.exec(res.body)?.[1] ?? 'no_answer'}${shed}` : undefined;
      return { status: res.status, ms: res.ms, ...(code ? { code } : {}) };
    }),
  );
  return {
    legit,
    streams: {
      open: streamAttempts.filter((s) => s?.status === 200).length,
      refused: streamAttempts.filter((s) => s !== null && s.status !== 200).length,
      failed: streamAttempts.filter((s) => s === null).length,
    },
    slowBodies: { held: early.filter((s) => s === -1).length, refused: early.filter((s) => s !== -1).length },
    async stop() {
      stopped = true;
      for (const s of streamAttempts) s?.close();
      for (const b of bodies) b.socket.destroy();
      await Promise.all(bodies.map((b) => b.settled));
    },
  };
}

export const attackerAddresses = (n: number) => Array.from({ length: n }, (_, i) => `127.0.5.${i + 1}`);
export const reporterAddresses = (n: number) => Array.from({ length: n }, (_, i) => `127.0.${10 + Math.floor(i / 250)}.${(i % 250) + 1}`);
