// Baseline for the page benchmark: the server-rendered HTML of a page with every script removed, served
// gzipped at `/`, every other path (CSS, fonts, images) passed through to the app server.
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { freePort } from '../../lib/net/free-port';

/** The HTML without <script> elements and script preloads: what the page costs with no JavaScript. */
export function stripScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, '');
}

export type StaticCopy = { url: string; htmlBytes: number; close(): Promise<void> };

/** Serves `html` at http://127.0.0.1:<port>/ and proxies the rest to `upstream` (host:port). */
export async function serveStaticCopy(html: string, upstream: { host: string; port: number }): Promise<StaticCopy> {
  const body = Buffer.from(html);
  const gzipped = gzipSync(body);
  const server = http.createServer((req, res) => {
    if (req.url === '/') {
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
      });
      res.end(gzip ? gzipped : body);
      return;
    }
    const forward = http.request({ ...upstream, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    htmlBytes: body.length,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
