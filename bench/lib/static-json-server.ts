// The poll benchmark's floor: a bare Node HTTP server answering every GET with one fixed JSON body
// (the map state captured from the app), gzip made once, an ETag that changes every second as a live
// map's does under steady reports (so most polls get the body, some a 304): the least a poller can cost here.
// Usage: PORT=… BODY_FILE=… static-json-server.ts
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { gzipSync } from 'node:zlib';

const port = Number(process.env.PORT);
const body = readFileSync(String(process.env.BODY_FILE));
const gzipped = gzipSync(body);

http
  .createServer((req, res) => {
    const started = performance.now();
    const etag = `W/"s-${Math.floor(Date.now() / 1000)}"`;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=1', etag };
    const timing = () => ({ 'server-timing': `app;dur=${(performance.now() - started).toFixed(1)}` });
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...headers, ...timing() }).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, { ...headers, ...timing(), ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipped : body);
  })
  .listen(port, '127.0.0.1');
