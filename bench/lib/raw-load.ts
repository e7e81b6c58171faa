// A lean closed-loop HTTP/1.1 load generator: one keep-alive TCP connection per client, the request written
// as one buffer, the answer parsed just enough (status line, Content-Length or chunked body, Server-Timing).
// It shares the machine with the servers it measures, so every microsecond it spends is taken from them:
// Node's `http` client costs several times as much per request (agent, header objects, streams).
import net from 'node:net';
import { summarise, type LoadResult, type RequestFactory, type Sample } from './load';

const HEADER_END = Buffer.from('\r\n\r\n');

/** Parses one answer at the start of `buf`: its status, Server-Timing duration and total length, or null if incomplete. */
export function parseAnswer(buf: Buffer): { status: number; serverMs: number | null; length: number; close: boolean } | null {
  const headEnd = buf.indexOf(HEADER_END);
  if (headEnd < 0) return null;
  const head = buf.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  let contentLength = -1;
  let chunked = false;
  let close = false;
  let serverMs: number | null = null;
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') contentLength = Number(value);
    else if (name === 'transfer-encoding') chunked = /chunked/i.test(value);
    else if (name === 'connection') close = /close/i.test(value);
    else if (name === 'server-timing') {
      const match = /dur=([\d.]+)/.exec(value);
      serverMs = match ? Number(match[1]) : null;
    }
  }
  const bodyStart = headEnd + 4;
  if (!chunked) {
    const length = bodyStart + Math.max(0, contentLength);
    return buf.length >= length ? { status, serverMs, length, close: close || contentLength < 0 } : null;
  }
  let at = bodyStart;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return null;
    const size = Number.parseInt(buf.toString('latin1', at, lineEnd), 16);
    at = lineEnd + 2 + size + 2;
    if (buf.length < at) return null;
    if (size === 0) return { status, serverMs, length: at, close };
  }
}

function client(port: number, make: RequestFactory, deadline: number, timeoutMs: number, samples: Sample[]): Promise<void> {
  return new Promise((resolve) => {
    let socket: net.Socket | null = null;
    let pending: Buffer = Buffer.alloc(0);
    let started = 0;
    let timer: NodeJS.Timeout | null = null;
    let waiting = false;

    const finish = (sample: Sample | null, reuse: boolean) => {
      if (timer) clearTimeout(timer);
      waiting = false;
      if (sample) samples.push(sample);
      if (!reuse) {
        socket?.removeAllListeners();
        socket?.on('error', () => {});
        socket?.destroy();
        socket = null;
      }
      next();
    };

    const connect = (): net.Socket => {
      const s = net.connect({ host: '127.0.0.1', port, noDelay: true });
      pending = Buffer.alloc(0);
      s.on('data', (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        if (!waiting) return;
        const answer = parseAnswer(pending);
        if (!answer) return;
        pending = pending.subarray(answer.length);
        finish({ status: answer.status, ms: performance.now() - started, serverMs: answer.serverMs }, !answer.close);
      });
      const fail = () => {
        if (socket !== s) return;
        if (waiting) finish({ status: 0, ms: performance.now() - started, serverMs: null }, false);
        else socket = null;
      };
      s.on('error', fail);
      s.on('close', fail);
      return s;
    };

    const next = () => {
      if (performance.now() >= deadline) {
        socket?.removeAllListeners();
        socket?.on('error', () => {});
        socket?.destroy();
        resolve();
        return;
      }
      const { path, body, headers } = make();
      let text = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n`;
      for (const [name, value] of Object.entries(headers)) text += `${name}: ${value}\r\n`;
      text += `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      socket ??= connect();
      started = performance.now();
      waiting = true;
      timer = setTimeout(() => finish({ status: 0, ms: performance.now() - started, serverMs: null }, false), timeoutMs);
      socket.write(text);
    };

    next();
  });
}

/** Closed loop over raw keep-alive connections: `concurrency` clients, each sending its next request when answered. */
export async function runRawClosedLoop(opts: { label: string; port: number; concurrency: number; seconds: number; make: RequestFactory }): Promise<LoadResult> {
  const samples: Sample[] = [];
  const deadline = performance.now() + opts.seconds * 1000;
  await Promise.all(Array.from({ length: opts.concurrency }, () => client(opts.port, opts.make, deadline, 10_000, samples)));
  return summarise(opts.label, opts.seconds, samples);
}
