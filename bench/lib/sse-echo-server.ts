// Baseline for bench/live.ts: a bare Node HTTP server that streams each POSTed report to every open
// event stream (no database, no bus, no framework), frames written together every 100 ms as the
// app's hub does: writing each frame to 2,000 streams one by one (200,000 writes/s) fell minutes
// behind on this machine.
// Usage: PORT=… node --import tsx bench/lib/sse-echo-server.ts
import http from 'node:http';

const clients = new Set<http.ServerResponse>();
let seq = 0;
let pending = '';
const FLUSH_MS = 100;

function flush(): void {
  const text = pending;
  pending = '';
  for (const client of clients) client.write(text);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith('/api/flux')) {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform' });
    res.write('retry: 5000\n\n');
    clients.add(res);
    res.once('close', () => clients.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/api/reports') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { platform: string; academy: string; category: string; observedAt: string };
      seq += 1;
      const delta = { kind: 'report', at: body.observedAt, platformId: body.platform, academyId: body.academy, category: body.category, reporter: true, seq };
      if (pending === '') setTimeout(flush, FLUSH_MS);
      pending += `id: ${seq}\ndata: ${JSON.stringify(delta)}\n\n`;
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"status":"accepted","counted":true}');
    });
    return;
  }
  res.writeHead(req.url === '/' ? 200 : 404);
  res.end();
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
