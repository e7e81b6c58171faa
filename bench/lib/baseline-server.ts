// The benchmark's floor: a bare Node HTTP server that inserts the same report row with `pg`,
// one INSERT per request, no validation, limits or batching. Run as its own process.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!url || !port) throw new Error('DATABASE_URL and PORT are required');
const pool = new pg.Pool({ connectionString: url, max: 10 });

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: { platform: string; academy: string; category: string; idempotencyKey: string };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const id = randomUUID();
      pool
        .query(
          `INSERT INTO report (id, platform_id, academy_id, category, idempotency_key, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, now(), now()) ON CONFLICT (idempotency_key) DO NOTHING`,
          [id, body.platform, body.academy, body.category, `base-${body.idempotencyKey}`],
        )
        .then(() => {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id }));
        })
        .catch(() => res.writeHead(503).end());
    });
  })
  .listen(port, '127.0.0.1');
