// `npm run bench:read-access`: what the read-limit check adds to GET /api/etat. In process, on an
// embedded PGlite database: the warm 304 answer without the check (baseline) against the same answer
// with it, for anonymous readers (memory store) and for a journalist's key (one indexed lookup per request).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { startEmbeddedServer } from '../lib/db/embedded/owner';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { writeResults, type Row } from './lib/table';
import { percentileOfSorted as percentile } from './lib/stats';
import { peerHeaderValue } from '../lib/http/peer';

/** At most 5,500 so that a keyed case stays under the default 6,000 requests per minute per key. */
const RUNS = Math.min(5_500, Number(process.env.BENCH_RUNS ?? 3_000));

/** Sequential calls: per-call latency (µs) and calls per second on one core. */
async function measure(label: string, run: (i: number) => Promise<unknown>, baseline?: { meanUs: number; p50Us: number }): Promise<Row & { meanUs: number; p50Us: number }> {
  for (let i = 0; i < 200; i++) await run(-1 - i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run(i);
    times.push((performance.now() - t) * 1000);
  }
  const total = performance.now() - started;
  const sorted = [...times].sort((a, b) => a - b);
  const meanUs = (total * 1000) / RUNS;
  const p50Us = percentile(sorted, 50);
  return {
    case: label,
    'calls/s': Math.round(RUNS / (total / 1000)),
    'mean µs': meanUs.toFixed(1),
    'p50 µs': p50Us.toFixed(1),
    'p99 µs': percentile(sorted, 99).toFixed(1),
    'p50 added vs baseline µs': baseline ? (p50Us - baseline.p50Us).toFixed(1) : '',
    'mean vs baseline': baseline ? `${(meanUs / baseline.meanUs).toFixed(2)}×` : '',
    meanUs,
    p50Us,
  };
}

async function main() {
  const db = await startEmbeddedServer({ dataDir: 'memory://' });
  await prepareDatabase({ url: db.url, kind: 'embedded' });
  Object.assign(process.env, { EMBEDDED_DATABASE_URL: db.url, TRUSTED_PROXIES: '127.0.0.1', NODE_ENV: 'production' });
  // Imported after the environment is set: lib/env reads it once.
  const { getDb } = await import('../lib/db/client');
  const { createApiKeyRow, createUserRow } = await import('../lib/db/users');
  const { hashToken } = await import('../lib/auth/tokens');
  const { readAccessHeaders, requireReadAccess } = await import('../lib/auth/read-access');
  const { getRenderedMapState } = await import('../lib/map-state/get-map-state');
  const { handleMapStateRequest } = await import('../lib/map-state/http');

  const user = await getDb().$transaction((tx) => createUserRow(tx, { email: `bench-${randomUUID()}@bench.example`, name: null, roles: ['journalist'], passwordHash: null }));
  // One key per keyed case: each stays under the default per-key limit (the memory store keeps up to `limit` hits per key).
  const newKey = async () => {
    const key = `eep_${randomUUID()}${randomUUID()}`.replace(/-/g, '');
    await getDb().$transaction((tx) => createApiKeyRow(tx, { userId: user.id, name: 'bench', hash: hashToken(key), prefix: key.slice(0, 12) }));
    return key;
  };
  const [keyA, keyB] = [await newKey(), await newKey()];

  const query = { at: null, platformId: null, category: null };
  const { rendered } = await getRenderedMapState(query);
  const reader = (i: number, extra: Record<string, string> = {}) =>
    readAccessHeaders({ 'x-ecole-peer': peerHeaderValue('127.0.0.1', true), 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 'user-agent': 'Mozilla/5.0 Chrome/126.0', ...extra });

  const rows: Array<Row & { meanUs: number; p50Us: number }> = [];
  const baseline = await measure('baseline: warm 304 of /api/etat, no check', async () => {
    await getRenderedMapState(query);
  });
  rows.push(baseline);
  const b = baseline;
  rows.push(await measure('check only, anonymous, a new source each call', (i) => requireReadAccess({ headers: reader(i + 100_000) }), b));
  rows.push(
    await measure('check only, one source over its limit (600 hits kept)', () => requireReadAccess({ headers: reader(7) }).catch(() => null), b),
  );
  rows.push(await measure('check only, journalist key', (i) => requireReadAccess({ headers: reader(i, { authorization: `Bearer ${keyA}` }) }), b));
  rows.push(
    await measure('304 of /api/etat with the check, anonymous', (i) => {
      const headers = reader(i + 200_000);
      headers.set('if-none-match', rendered.etag);
      return handleMapStateRequest({ url: 'http://localhost/api/etat', headers });
    }, b),
  );
  rows.push(
    await measure('304 of /api/etat with the check, journalist key', (i) => {
      const headers = reader(i, { authorization: `Bearer ${keyB}` });
      headers.set('if-none-match', rendered.etag);
      return handleMapStateRequest({ url: 'http://localhost/api/etat', headers });
    }, b),
  );
  writeResults(
    'read-access',
    `Read-limit check on GET /api/etat (in process, embedded PGlite, memory limiter, ${RUNS} sequential calls per case)`,
    rows.map(({ meanUs: _m, p50Us: _p, ...row }) => row),
    { loadAverage: os.loadavg(), cpus: os.cpus().length },
  );
  await getDb().$disconnect();
  await db.stop();
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
