import http from 'node:http';

let counter = 0;

/** A new client address for each call (documentation range), as a reverse proxy would forward it. */
export function nextClientAddress(): string {
  counter += 1;
  return `203.0.113.${(counter % 250) + 1}`;
}

/**
 * POSTs JSON as a client of its own: sent from 127.0.0.2, the browser-test servers' trusted proxy, with
 * X-Forwarded-For. Reports from one address are limited and budgeted like any source, so tests that each
 * post a report must not all come from 127.0.0.1.
 */
export function postAs(url: string, body: unknown, opts: { ip?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; json: Record<string, unknown> | null }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const data = JSON.stringify(body);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        localAddress: '127.0.0.2',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), 'x-forwarded-for': opts.ip ?? nextClientAddress(), ...opts.headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          let json: Record<string, unknown> | null = null;
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
