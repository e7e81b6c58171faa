import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createDrain } from '@/lib/server/drain';

// Reproduces the SIGTERM race seen in tests/faults/process-tree.test.ts: a keep-alive client writes a
// request on an idle socket just as the server starts draining; it must get an answer, not a reset.
describe('createDrain', () => {
  const servers: http.Server[] = [];
  afterEach(() => {
    for (const s of servers) s.closeAllConnections();
    servers.length = 0;
  });

  async function start() {
    const server = http.createServer();
    const drain = createDrain(server);
    server.on('request', (req, res) => {
      drain.track(req, res);
      setTimeout(() => res.end('ok'), 20);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, drain, port: (server.address() as AddressInfo).port };
  }

  function get(port: number, agent: http.Agent) {
    return new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        })
        .on('error', reject);
    });
  }

  test('a request written on an idle keep-alive socket as draining starts is answered with Connection: close', async () => {
    const { drain, port } = await start();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    // Four idle keep-alive sockets.
    await Promise.all([get(port, agent), get(port, agent), get(port, agent), get(port, agent)]);
    const draining = drain.drain(2_000);
    const answers = await Promise.all([get(port, agent), get(port, agent), get(port, agent), get(port, agent)]);
    expect(answers).toEqual(Array.from({ length: 4 }, () => ({ status: 200, connection: 'close' })));
    expect(await draining).toBe(true);
    agent.destroy();
  });

  test('new connections are refused once draining starts, and drain resolves when requests in flight finish', async () => {
    const { server, drain, port } = await start();
    const agent = new http.Agent({ keepAlive: false });
    const arrived = new Promise((resolve) => server.once('request', resolve));
    const inflight = get(port, agent);
    await arrived;
    expect(drain.inflight()).toBe(1);
    const draining = drain.drain(2_000);
    await expect(get(port, agent)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await inflight).toMatchObject({ status: 200 });
    expect(await draining).toBe(true);
    expect(drain.isDraining()).toBe(true);
  });

  test('requests still running after the grace period are cut and drain resolves false', async () => {
    const server = http.createServer();
    const drain = createDrain(server);
    server.on('request', (req, res) => drain.track(req, res)); // never answers
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const arrived = new Promise((resolve) => server.once('request', resolve));
    const stuck = get(port, new http.Agent({ keepAlive: false })).catch((e: NodeJS.ErrnoException) => e.code);
    await arrived;
    expect(await drain.drain(50)).toBe(false);
    expect(await stuck).toBe('ECONNRESET');
  });
});
