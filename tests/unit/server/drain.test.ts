import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createDrain } from '@/lib/server/drain';

// Reproduces the SIGTERM races seen in tests/faults/process-tree.test.ts: a request written on an idle
// keep-alive socket, or a connection still waiting in the kernel's accept queue, as draining starts; each
// must get an answer, not a reset.
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
      if (!drain.admit(req, res)) return;
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

  test('a request written on an idle keep-alive socket as draining starts is answered (503, Connection: close), not reset', async () => {
    const { drain, port } = await start();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    // Four idle keep-alive sockets.
    await Promise.all([get(port, agent), get(port, agent), get(port, agent), get(port, agent)]);
    const draining = drain.drain(2_000);
    const answers = await Promise.all([get(port, agent), get(port, agent), get(port, agent), get(port, agent)]);
    expect(answers).toEqual(Array.from({ length: 4 }, () => ({ status: 503, connection: 'close' })));
    expect(await draining).toBe(true);
    agent.destroy();
  });

  test('requests in flight finish with Connection: close; new ones get 503 while they do; then new connections are refused', async () => {
    const { drain, port } = await start();
    const agent = new http.Agent({ keepAlive: false });
    const inflight = get(port, agent);
    await waitFor(() => drain.inflight() === 1);
    const draining = drain.drain(2_000);
    expect(drain.isDraining()).toBe(true);
    expect(await get(port, agent)).toEqual({ status: 503, connection: 'close' });
    expect(await inflight).toEqual({ status: 200, connection: 'close' });
    expect(await draining).toBe(true);
    await expect(get(port, agent)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  test('connections waiting in the accept queue when draining starts are answered, not reset by the kernel', async () => {
    const { drain, port } = await start();
    // A client in another process connects and writes 8 requests while this process's event loop is
    // blocked: the connections wait in the kernel's accept queue when draining starts.
    const client = spawn(process.execPath, ['-e', CLIENT, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    client.stdout.setEncoding('utf8');
    await new Promise<void>((resolve) => client.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ready')) resolve();
    }));
    const until = Date.now() + 700;
    while (Date.now() < until) {
      // Blocks the event loop while the client connects (100 ms after « ready »).
    }
    const draining = drain.drain(2_000);
    const results = await new Promise<string[]>((resolve) => client.on('exit', () => resolve(JSON.parse(out.slice(out.indexOf('\n') + 1)) as string[])));
    expect(results).toEqual(Array.from({ length: 8 }, () => '503'));
    expect(await draining).toBe(true);
  });

  test('requests still running after the grace period are cut and drain resolves false', async () => {
    const server = http.createServer();
    const drain = createDrain(server);
    server.on('request', (req, res) => void drain.admit(req, res)); // never answers
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const stuck = get(port, new http.Agent({ keepAlive: false })).catch((e: NodeJS.ErrnoException) => e.code);
    await waitFor(() => drain.inflight() === 1);
    expect(await drain.drain(50)).toBe(false);
    expect(await stuck).toBe('ECONNRESET');
  });
});

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 2));
}

/** Prints « ready », then 100 ms later opens 8 connections, each writing a GET; prints their statuses (or error codes) as JSON. */
const CLIENT = `
const net = require('node:net');
const port = Number(process.argv[1]);
console.log('ready');
setTimeout(() => {
  const results = [];
  let left = 8;
  for (let i = 0; i < 8; i++) {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'));
    let data = '';
    const done = (r) => { results[i] = r; if (--left === 0) { process.stdout.write(JSON.stringify(results)); process.exit(0); } };
    socket.on('data', (d) => { data += d; });
    socket.on('end', () => done(data.split(' ')[1] || 'empty'));
    socket.on('error', (e) => done(e.code));
  }
}, 100);
`;
