import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

export type Outcome = { key: string; status: number | null; error: string | null; ms: number; sentAt: number };

let ipCounter = 0;
function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** One report on a fresh connection (no keep-alive, so a reset means a request in flight was cut). */
export function postReport(baseUrl: string, timeoutMs = 10_000): Promise<Outcome> {
  const key = randomUUID();
  const body = JSON.stringify({ platform: 'pronote', academy: 'versailles', category: 'login', idempotencyKey: key });
  const sentAt = Date.now();
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number | null, error: string | null) =>
      resolve({ key, status, error, ms: performance.now() - started, sentAt });
    const req = http.request(
      `${baseUrl}/api/reports`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': nextIp(), 'user-agent': 'faults' },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? null, null));
        res.on('error', (e: NodeJS.ErrnoException) => done(null, e.code ?? e.message));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => done(null, e.code ?? e.message));
    req.end(body);
  });
}

export type Read = { status: number | null; error: string | null; ms: number; retriedOnFreshConnection: boolean };

/** What a client sees when a connection it reused was closed before any byte of the answer came back. */
const CLOSED_BEFORE_ANSWER = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function getOnce(url: string, agent: http.Agent, timeoutMs: number): Promise<{ status: number | null; error: string | null; reused: boolean }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? null, error: null, reused: req.reusedSocket }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ status: null, error: e.code ?? e.message, reused: req.reusedSocket }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: null, error: e.code ?? e.message, reused: req.reusedSocket }));
  });
}

/**
 * A GET as a browser makes it: on a kept-alive connection, and sent again once on a fresh connection
 * when the reused one was closed before any byte of the answer (RFC 9112 §9.3.1; Chromium's
 * `ShouldResendRequest`, Node's documented `request.reusedSocket` pattern). An idle keep-alive
 * connection closed by the server at the instant the next request leaves (nginx's old workers on a
 * reload, an idle timeout) is a race HTTP/1.1 cannot avoid; a fresh connection that fails, or a
 * second failure, is reported as it is.
 */
export async function browserLikeGet(url: string, agent: http.Agent, timeoutMs = 10_000): Promise<Read> {
  const started = performance.now();
  const first = await getOnce(url, agent, timeoutMs);
  if (first.status !== null || !first.reused || !CLOSED_BEFORE_ANSWER.has(first.error ?? '')) {
    return { status: first.status, error: first.error, ms: performance.now() - started, retriedOnFreshConnection: false };
  }
  const again = await getOnce(url, agent, timeoutMs);
  return { status: again.status, error: again.error, ms: performance.now() - started, retriedOnFreshConnection: true };
}

/** `concurrency` clients posting reports back to back until `stop()`; resolves with every outcome. */
export function startLoad(baseUrl: string, concurrency: number, timeoutMs = 10_000) {
  const outcomes: Outcome[] = [];
  let running = true;
  const clients = Array.from({ length: concurrency }, async () => {
    while (running) {
      const outcome = await postReport(baseUrl, timeoutMs);
      outcomes.push(outcome);
      if (outcome.status === null || outcome.status >= 500) await new Promise((r) => setTimeout(r, 50));
    }
  });
  return {
    outcomes,
    async stop(): Promise<Outcome[]> {
      running = false;
      await Promise.all(clients);
      return outcomes;
    },
  };
}

export const isAcknowledged = (o: Outcome) => o.status === 200 || o.status === 201;

/** How many rows each idempotency key has in `report` (a missing key counts 0), or ledger entries with `ledger`. */
export async function countStored(databaseUrl: string, keys: string[], ledger = false): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; n: number }>(
      ledger
        ? `SELECT r.idempotency_key AS key, count(*)::int AS n FROM report r
           JOIN ledger_entry e ON e.kind = 'report' AND e.ref_id = r.id::text WHERE r.idempotency_key = ANY($1) GROUP BY 1`
        : 'SELECT idempotency_key AS key, count(*)::int AS n FROM report WHERE idempotency_key = ANY($1) GROUP BY 1',
      [keys],
    );
    const counts = new Map(keys.map((k) => [k, 0]));
    for (const row of rows) counts.set(row.key, row.n);
    return counts;
  } finally {
    await client.end();
  }
}

/** Asserts-friendly summary: acknowledged reports missing or stored twice, in the table and in the ledger. */
export async function checkStored(databaseUrl: string, outcomes: Outcome[]) {
  const acknowledged = outcomes.filter(isAcknowledged).map((o) => o.key);
  const counts = await countStored(databaseUrl, acknowledged);
  const entries = await countStored(databaseUrl, acknowledged, true);
  return {
    acknowledged: acknowledged.length,
    missing: [...counts].filter(([, n]) => n === 0).length,
    duplicated: [...counts].filter(([, n]) => n > 1).length,
    missingFromLedger: [...entries].filter(([, n]) => n === 0).length,
    duplicatedInLedger: [...entries].filter(([, n]) => n > 1).length,
  };
}
