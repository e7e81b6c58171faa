// The benchmark's floors: a bare Node HTTP server with `pg`, one statement per request, no validation,
// limits or batching. FLOOR=thin inserts a thin report row; FLOOR=statement runs the very statement the
// app runs (lib/db/reports.ts reportBatchInsert: report row + minute counters) for the one report.
// Run as its own process: DATABASE_URL, PORT, FLOOR.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { reportBatchInsert } from '../../lib/db/reports';
import { onParentGone } from '../../lib/worker/supervise';

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
const floor = process.env.FLOOR ?? 'thin';
if (!url || !port) throw new Error('DATABASE_URL and PORT are required');
const pool = new pg.Pool({ connectionString: url, max: 10 });
onParentGone(() => process.exit(0));

type Body = { platform: string; academy: string; category: string; idempotencyKey: string };

// report is partitioned by month: its idempotency keys are unique in report_key, which the table's insert trigger
// fills for a plain INSERT like this one (a repeated key fails; the benchmark never repeats one).
function thin(body: Body, id: string): Promise<unknown> {
  return pool.query(
    `INSERT INTO report (id, platform_id, academy_id, category, idempotency_key, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, now(), now())`,
    [id, body.platform, body.academy, body.category, `base-${body.idempotencyKey}`],
  );
}

function statement(body: Body, id: string, source: string): Promise<unknown> {
  const sql = reportBatchInsert([
    {
      id,
      platformId: body.platform,
      academyId: body.academy,
      category: body.category,
      role: null,
      comment: null,
      observedAt: null,
      idempotencyKey: body.idempotencyKey,
      sourceFingerprint: createHash('sha256').update(source).digest('hex'),
      networkFingerprint: null,
      deviceTokenHash: null,
      counted: true,
      distinctReporter: true,
      flagReason: null,
      createdAt: new Date(),
    },
  ]);
  return pool.query(sql.text, sql.values);
}

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const id = randomUUID();
      const source = String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress);
      (floor === 'statement' ? statement(body, id, source) : thin(body, id))
        .then(() => {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id }));
        })
        .catch(() => res.writeHead(503).end());
    });
  })
  .listen(port, '127.0.0.1');
