import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getLiveRuntime } from '@/lib/live/runtime';
import { peerHeaderValue } from '@/lib/http/peer';
import { startEdgeServer } from '../../helpers/edge-server';
import { openGet, postJson, rawExchange } from '../../helpers/raw-http';
import { reportBody } from '../../helpers/requests';

const BODY_TIMEOUT_MS = 1500;
let server: Awaited<ReturnType<typeof startEdgeServer>>;
const opened: { close(): void }[] = [];

beforeAll(async () => {
  await getLiveRuntime().ready;
  server = await startEdgeServer({ bodyTimeoutMs: BODY_TIMEOUT_MS, headersTimeoutMs: 2000, maxPendingBodiesPerSource: 4 });
});
afterAll(async () => {
  for (const stream of opened) stream.close();
  await server.close();
  await getLiveRuntime().stop();
});

const post = (headers: string, body = '') =>
  `POST /api/reports HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n${headers}\r\n${body}`;

function expectApiHeaders(headers: Record<string, string | string[] | undefined>) {
  expect(headers['content-security-policy']).toContain("default-src 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
}

describe('POST /api/reports on our server', () => {
  test('answers 201 with the security headers of every API answer', async () => {
    const res = await postJson({ port: server.port, localAddress: '127.0.2.1', path: '/api/reports', body: reportBody() });
    expect(res.status).toBe(201);
    expectApiHeaders(res.headers);
    // Where the time went: each stage, the whole, and the event loop's recent delay.
    expect(res.headers['server-timing']).toMatch(/^body;dur=[\d.]+, parse;dur=[\d.]+, key;dur=[\d.]+, limit;dur=[\d.]+, catalog;dur=[\d.]+, batch;dur=[\d.]+, app;dur=[\d.]+, loop;dur=[\d.]+$/);
  });

  test('a body trickling a few bytes at a time gets 408 JSON within the deadline, then the connection closes', async () => {
    const parts = [post('content-length: 200\r\n', '{"pla'), 'tf', 'or', 'm"', ':'];
    const res = await rawExchange({ port: server.port, localAddress: '127.0.2.2', parts, gapMs: 600, timeoutMs: BODY_TIMEOUT_MS + 4000 });
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'request_timeout' } });
    expect(res.ended).toBe('end');
  });

  test('a chunked body declaring a huge chunk and then stalling is answered within the deadline', async () => {
    const parts = [post('transfer-encoding: chunked\r\n', 'fffffff\r\n{"platform":')];
    const res = await rawExchange({ port: server.port, localAddress: '127.0.2.3', parts, timeoutMs: BODY_TIMEOUT_MS + 4000 });
    expect(res.status).toBe(408);
    expect(res.headers['connection']).toBe('close');
    expect(res.ended).toBe('end');
  });

  test('a 9 KB chunked body gets 413 with the JSON error, then a clean close (no reset)', async () => {
    const chunk = 'x'.repeat(9 * 1024);
    const parts = [post('transfer-encoding: chunked\r\n', `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`)];
    const res = await rawExchange({ port: server.port, localAddress: '127.0.2.4', parts, timeoutMs: 5000 });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.ended).toBe('end');
  });

  test('a declared 9 KB body gets 413 before it is sent', async () => {
    const res = await rawExchange({ port: server.port, localAddress: '127.0.2.5', parts: [post('content-length: 9216\r\n')], timeoutMs: 5000 });
    expect(res.status).toBe(413);
    expect(res.ended).toBe('end');
  });

  test('unfinished bodies are capped per source; other sources are not affected, and slow bodies are not "in flight"', async () => {
    const held = Array.from({ length: 6 }, () =>
      rawExchange({ port: server.port, localAddress: '127.0.2.6', parts: [post('content-length: 300\r\n', '{')], timeoutMs: BODY_TIMEOUT_MS + 4000 }),
    );
    const answers = await Promise.all(held);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(statuses.filter((s) => s === 408)).toHaveLength(4);
    const other = await postJson({ port: server.port, localAddress: '127.0.2.7', path: '/api/reports', body: reportBody() });
    expect(other.status).toBe(201);
  });

  test('headers sent too slowly are cut off', async () => {
    const res = await rawExchange({ port: server.port, localAddress: '127.0.2.8', parts: ['POST /api/reports HTTP/1.1\r\nhost: x\r\n'], timeoutMs: 6000 }).catch((e: Error) => e);
    // Node answers 408 or simply closes; either way the connection does not stay open.
    if (res instanceof Error) expect(res.message).toMatch(/\((end|reset)\)/);
    else expect(res.ended).not.toBe('open');
  });
});

describe('GET /api/flux on our server', () => {
  test('one source gets a handful of streams; the rest are refused (429, JSON) and other sources still get in', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        // A client-sent peer header must not make one address look like many.
        openGet({ port: server.port, localAddress: '127.0.3.1', path: '/api/flux', headers: { 'x-ecole-peer': peerHeaderValue(`198.51.100.${i}`) } }),
      ),
    );
    opened.push(...attempts);
    const ok = attempts.filter((a) => a.status === 200);
    expect(ok).toHaveLength(6);
    expect(attempts.filter((a) => a.status === 429)).toHaveLength(14);
    expectApiHeaders(ok[0]!.headers);
    const other = await openGet({ port: server.port, localAddress: '127.0.3.2', path: '/api/flux' });
    opened.push(other);
    expect(other.status).toBe(200);
  });
});

describe('malformed paths', () => {
  test.each(['/api/admin/users/%ff', '/api/moderation/reports/%c0%af', '/api/admin/platforms/%00'])('%s → 400 JSON with the API headers', async (path) => {
    const res = await rawExchange({ port: server.port, localAddress: '127.0.2.9', parts: [`GET ${path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`], timeoutMs: 5000 });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'invalid_input' } });
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
