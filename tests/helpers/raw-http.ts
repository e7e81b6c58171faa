import http from 'node:http';
import net from 'node:net';

export type RawAnswer = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How the server ended the connection after answering: a clean close, a reset, or still open. */
  ended: 'end' | 'reset' | 'open';
  ms: number;
};

function parse(raw: string): Omit<RawAnswer, 'ended' | 'ms'> | null {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return null;
  const [statusLine = '', ...lines] = raw.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const status = Number(statusLine.split(' ')[1]);
  const body = raw.slice(split + 4);
  const length = Number(headers['content-length'] ?? NaN);
  if (Number.isFinite(length) && Buffer.byteLength(body) < length) return null;
  return { status, headers, body };
}

/**
 * Writes `parts` on a raw TCP connection from `localAddress` (each after `gapMs`, the last one left
 * hanging if `stall`), then resolves with the answer and how the connection ended, or rejects after `timeoutMs`.
 */
export function rawExchange(opts: {
  port: number;
  localAddress: string;
  parts: (string | Buffer)[];
  gapMs?: number;
  timeoutMs: number;
  /** Resolve as soon as a full answer arrived (do not wait for the close). */
  early?: boolean;
}): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port: opts.port, host: '127.0.0.1', localAddress: opts.localAddress });
    let raw = '';
    let done = false;
    const finish = (ended: RawAnswer['ended']) => {
      if (done) return;
      const parsed = parse(raw);
      if (!parsed) {
        done = true;
        clearTimeout(timer);
        socket.destroy();
        reject(new Error(`no complete answer (${ended}) after ${Math.round(performance.now() - started)} ms: ${JSON.stringify(raw.slice(0, 200))}`));
        return;
      }
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parsed, ended, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish('open'), opts.timeoutMs);
    socket.on('data', (chunk) => {
      raw += chunk.toString('utf8');
      if (opts.early && parse(raw)) finish('open');
    });
    socket.on('end', () => finish('end'));
    socket.on('error', () => finish('reset'));
    socket.on('connect', async () => {
      for (const [i, part] of opts.parts.entries()) {
        if (i > 0 && opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
        if (socket.destroyed) return;
        socket.write(part);
      }
    });
  });
}

/** Opens GET `path` from `localAddress` and resolves at the status line; `close()` ends it. */
export function openGet(opts: { port: number; localAddress: string; path: string; headers?: Record<string, string> }): Promise<{
  status: number;
  headers: http.IncomingHttpHeaders;
  close(): void;
}> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: opts.port, path: opts.path, localAddress: opts.localAddress, agent: false, headers: opts.headers }, (res) => {
      res.on('data', () => {});
      res.on('error', () => {});
      resolve({ status: res.statusCode ?? 0, headers: res.headers, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

/** One JSON POST from `localAddress`, fresh connection. */
export function postJson(opts: { port: number; localAddress: string; path: string; body: unknown; headers?: Record<string, string> }): Promise<{
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}> {
  const started = performance.now();
  const payload = JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: opts.port,
        path: opts.path,
        method: 'POST',
        localAddress: opts.localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile', ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: performance.now() - started }));
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}
