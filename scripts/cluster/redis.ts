import net from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../lib/net/free-port';
import { spawnTied, stopChild, waitFor } from './child';

export type RedisServer = { url: string; port: number; process: ChildProcess; stop(): Promise<void> };

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

/** A throwaway redis-server on 127.0.0.1 without persistence, tied to this process. */
export async function startRedis(opts: { port?: number } = {}): Promise<RedisServer> {
  const port = opts.port ?? (await freePort());
  const child = spawnTied('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await waitFor('redis-server', () => answersPing(port), 10_000);
  return { url: `redis://127.0.0.1:${port}`, port, process: child, stop: () => stopChild(child) };
}
