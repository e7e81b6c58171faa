import net from 'node:net';
import { afterAll, describe, expect, inject, test, vi } from 'vitest';

async function loadHealthRoute(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return import('@/app/api/health/route');
}

const original = { DATABASE_URL: process.env.DATABASE_URL, EMBEDDED_DATABASE_URL: process.env.EMBEDDED_DATABASE_URL };

// Accepts connections and never answers: a hung database server.
const sockets = new Set<net.Socket>();
const hung = net.createServer((socket) => {
  sockets.add(socket);
});
afterAll(async () => {
  await loadHealthRoute(original);
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => hung.close(() => resolve()));
});

describe('GET /api/health', () => {
  test('reports version, database kind and an up-to-date migration state', async () => {
    const { GET } = await loadHealthRoute(original);
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database.kind).toBe(inject('databaseKind'));
    expect(body.database.migrations.pending).toEqual([]);
    expect(body.database.migrations.applied).toBeGreaterThan(0);
  });

  test('answers 503 with a JSON body when the database is unreachable', async () => {
    const { GET } = await loadHealthRoute({ DATABASE_URL: 'postgresql://x:y@127.0.0.1:1/none', EMBEDDED_DATABASE_URL: undefined });
    const res = await GET();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = await res.json();
    expect(body.database.reachable).toBe(false);
    expect(body.error.code).toBe('unavailable');
  });

  test('answers 503 within 3 s when the database hangs', async () => {
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', () => resolve()));
    const address = hung.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { GET } = await loadHealthRoute({ DATABASE_URL: `postgresql://x:y@127.0.0.1:${port}/none`, EMBEDDED_DATABASE_URL: undefined });
    const started = Date.now();
    const res = await GET();
    const elapsed = Date.now() - started;
    expect(res.status).toBe(503);
    expect(elapsed).toBeLessThan(3000);
  });
});
