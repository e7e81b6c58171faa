import { afterAll, describe, expect, inject, test, vi } from 'vitest';
import { peerHeaderValue } from '@/lib/http/peer';
import { DEAD_DATABASE_URL, startHungDatabase } from '../../helpers/hung-database';

const fromThisMachine = () => new Request('http://localhost:3000/api/health', { headers: { 'x-ecole-peer': peerHeaderValue('127.0.0.1') } });
const fromOutside = (headers: Record<string, string> = {}) =>
  new Request('http://localhost:3000/api/health', { headers: { 'x-ecole-peer': peerHeaderValue('203.0.113.40'), ...headers } });

async function loadHealthRoute(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return import('@/app/api/health/route');
}

const original = { DATABASE_URL: process.env.DATABASE_URL, EMBEDDED_DATABASE_URL: process.env.EMBEDDED_DATABASE_URL };

const hung = await startHungDatabase();
afterAll(async () => {
  await loadHealthRoute(original);
  await hung.close();
});

describe('GET /api/health', () => {
  test('reports version, database kind and an up-to-date migration state', async () => {
    const { GET } = await loadHealthRoute(original);
    const res = await GET(fromThisMachine());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database.kind).toBe(inject('databaseKind'));
    expect(body.database.migrations.pending).toEqual([]);
    expect(body.database.migrations.applied).toBeGreaterThan(0);
  });

  test('tells a request from elsewhere only the status and durability (no version, no migration names)', async () => {
    const { GET } = await loadHealthRoute(original);
    for (const req of [fromOutside(), fromOutside({ 'x-forwarded-for': '127.0.0.1' }), new Request('http://localhost:3000/api/health', { headers: { 'x-ecole-peer': '127.0.0.1' } })]) {
      const res = await GET(req);
      expect(res.status).toBe(200);
      const body = await res.json();
      // The embedded database says plainly that it does not survive a power cut; PostgreSQL is durable.
      expect(Object.keys(body).sort()).toEqual(body.durable ? ['durable', 'status', 'time'] : ['durable', 'note', 'status', 'time']);
      expect(body.status).toBe('ok');
    }
  });

  test('answers 503 with a JSON body when the database is unreachable', async () => {
    const { GET } = await loadHealthRoute({ DATABASE_URL: DEAD_DATABASE_URL, EMBEDDED_DATABASE_URL: undefined });
    const res = await GET(fromThisMachine());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = await res.json();
    expect(body.database.reachable).toBe(false);
    expect(body.error.code).toBe('unavailable');
  });

  test('answers 503 within 3 s when the database hangs', async () => {
    const { GET } = await loadHealthRoute({ DATABASE_URL: hung.url, EMBEDDED_DATABASE_URL: undefined });
    const started = Date.now();
    const res = await GET(fromThisMachine());
    const elapsed = Date.now() - started;
    expect(res.status).toBe(503);
    expect(elapsed).toBeLessThan(3000);
  });
});
