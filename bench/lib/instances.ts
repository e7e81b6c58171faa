// A local multi-instance deployment for benchmarks: Redis, N production app instances and nginx in
// front of them (Debian's nginx, config generated into a temp dir), all children of the benchmark and
// stopped by it. The one place that starts instances, so it can give way to the cluster command.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNginx } from '../../scripts/cluster/nginx';
import { startApp, stop, type Server } from './app-server';
import { freePort } from './postgres';

export type Deployment = {
  /** nginx's port on 127.0.0.1: the only address clients use. */
  port: number;
  instances: Server[];
  nginx: ChildProcess;
  redis: ChildProcess;
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const children = new Set<ChildProcess>();

function killOnExit(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

process.once('exit', () => {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
});

async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
  if (!bin) throw new Error('redis-server introuvable');
  const port = await freePort();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore', detached: true });
  killOnExit(child);
  await sleep(300);
  return { url: `redis://127.0.0.1:${port}`, child };
}

// Reports are not limited at the door here: the benchmarks measure the instances behind it.
const BENCH_DOOR = { intakeRatePerSecond: 100_000, intakeBurst: 100_000, intakeConnections: 8_192, backlog: 4_096 };

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
    setTimeout(resolve, 8000).unref();
  });
}

/**
 * Redis, `count` app instances on `databaseUrl` (one runs the detector, as one would cluster-wide;
 * live deltas cross instances over Redis) and nginx in front. Instances start one after the other
 * (each launcher applies migrations first).
 */
export async function startDeployment(opts: { count: number; databaseUrl: string; env?: Record<string, string> }): Promise<Deployment> {
  const redis = await startRedis();
  const instances: Server[] = [];
  const stopAll = async () => {
    await Promise.all(instances.map((s) => stop(s.child)));
    await stopChild(redis.child);
  };
  try {
    for (let i = 0; i < opts.count; i += 1) {
      const server = await startApp({ DATABASE_URL: opts.databaseUrl, REDIS_URL: redis.url, LIVE_BUS: 'redis', DETECTOR: i === 0 ? 'on' : 'off', ...opts.env });
      killOnExit(server.child);
      instances.push(server);
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-nginx-'));
    chmodSync(dir, 0o755);
    const listenPort = await freePort();
    const nginx = await startNginx({ dir, listenPort, upstreams: instances.map((s) => s.port), ...BENCH_DOOR });
    return {
      port: listenPort,
      instances,
      nginx: nginx.process,
      redis: redis.child,
      async stop() {
        await nginx.stop();
        rmSync(dir, { recursive: true, force: true });
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
