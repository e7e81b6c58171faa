import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { browserLikeGet } from './helpers/load';

/**
 * The race behind « nginx reloaded mid-load »: a server closes an idle kept-alive connection (nginx's
 * old workers on a reload) at the instant a client sends its next request on it. HTTP/1.1 cannot
 * prevent it; clients resend an idempotent request on a fresh connection (RFC 9112 §9.3.1). This
 * server makes the race certain: every connection answers its first request and is reset (RST) when
 * a second one arrives. The cluster's map reader must recover as a browser does, and Chromium must.
 */
let server: http.Server;
let url: string;
let resets = 0;

beforeAll(async () => {
  const served = new WeakMap<Socket, number>();
  server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const n = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, n);
    if (n > 1) {
      resets += 1;
      req.socket.resetAndDestroy();
      return;
    }
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>course</title>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('a kept-alive connection closed as the next request leaves', () => {
  test("the fault tests' map reader sends the read again on a fresh connection, once", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const before = resets;
    const reads = [];
    for (let i = 0; i < 5; i += 1) reads.push(await browserLikeGet(`${url}/api/etat`, agent, 5_000));
    agent.destroy();
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // The first read opened the connection; each later one met the reset and was sent again.
    expect(reads.map((r) => r.retriedOnFreshConnection)).toEqual([false, true, true, true, true]);
    expect(resets - before).toBe(4);
  });

  test('Chromium sends the request again on its own: the reader of the page sees no error', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(url);
      const before = resets;
      const results = await page.evaluate(async () => {
        const out: string[] = [];
        for (let i = 0; i < 5; i += 1) {
          try {
            const res = await fetch('/api/etat', { cache: 'no-store' });
            out.push(String(res.status));
          } catch (e) {
            out.push(String(e));
          }
        }
        return out;
      });
      expect(results).toEqual(['200', '200', '200', '200', '200']);
      // The race really happened (Chromium reused its connections and met the resets).
      expect(resets - before).toBeGreaterThanOrEqual(3);
    } finally {
      await browser.close();
    }
  });
});
