import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../lib/net/free-port';
import { prepareDatabase } from '../../lib/setup/prepare-database';
import { APP_SERVER_ARGS } from '../app-command';
import { exited, stopChild, waitFor } from './child';
import { startNginx, type Nginx } from './nginx';
import { startPostgres, type PostgresServer } from './postgres';
import { startRedis, type RedisServer } from './redis';

export type Instance = { port: number; url: string; process: ChildProcess; start(): Promise<void>; stop(): Promise<void> };
export type Cluster = {
  url: string;
  dir: string;
  postgres: PostgresServer;
  redis: RedisServer;
  nginx: Nginx;
  instances: Instance[];
  /** Stops Redis, waits `downMs`, starts it again on the same port. */
  restartRedis(downMs: number): Promise<void>;
  stop(): Promise<void>;
};

async function healthy(url: string): Promise<boolean> {
  const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
  return res.status === 200;
}

function createInstance(port: number, env: NodeJS.ProcessEnv): Instance {
  const url = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    port,
    url,
    process: null as unknown as ChildProcess,
    async start() {
      // IPC channel: the instance (launcher → server → worker) exits when we do, even on SIGKILL.
      instance.process = spawn(process.execPath, APP_SERVER_ARGS, { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      await waitFor(`instance ${port}`, () => healthy(url), 120_000);
    },
    stop: () => stopChild(instance.process, 20_000),
  };
  return instance;
}

/** Report requests one instance is given at once: enough to fill its insert batches, few enough to answer each within 300 ms. */
export const INTAKE_CONNECTIONS_PER_INSTANCE = 32;
/**
 * Reports per second one instance is let through the door: a ceiling at the best 5 s one instance
 * sustained in `npm run bench:surge` on a quiet machine (787/s with 1,000 viewers). The concurrency
 * limit above is what adapts to the instances' actual speed.
 */
export const INTAKE_RATE_PER_INSTANCE = 800;

/** The door's limits for `count` instances (docs/deployment.md, « Overload refused at the door »). */
export function doorFor(count: number) {
  const rate = INTAKE_RATE_PER_INSTANCE * count;
  return {
    intakeRatePerSecond: rate,
    intakeBurst: Math.round(rate / 5),
    intakeConnections: INTAKE_CONNECTIONS_PER_INSTANCE * count,
    intakeTimeoutMs: 1_900,
    backlog: 4_096,
  };
}

/**
 * A production-like deployment on loopback: PostgreSQL 15, Redis, `count` app instances (compiled
 * server, `npm run build`) and nginx in front, each tied to this process and stopped by `stop()`.
 */
export async function startCluster(opts: {
  count: number;
  port?: number;
  env?: Record<string, string>;
  log?: (line: string) => void;
  /** Runs on the migrated, seeded database before the instances start (benchmarks fill it here). */
  prepare?: (databaseUrl: string) => Promise<void>;
}): Promise<Cluster> {
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecole-cluster-'));
  chmodSync(dir, 0o755);
  const cleanups: Array<() => Promise<void>> = [];
  try {
    const postgres = await startPostgres(path.join(dir, 'postgres'));
    cleanups.push(() => postgres.stop());
    log(`PostgreSQL 15 : ${postgres.url}`);
    let redis = await startRedis();
    cleanups.push(() => redis.stop());
    log(`Redis : ${redis.url}`);
    await prepareDatabase({ url: postgres.url, kind: 'postgresql', log });
    await opts.prepare?.(postgres.url);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      TRUSTED_PROXIES: '127.0.0.1',
      LISTEN_BACKLOG: '128',
      LOG_LEVEL: 'warn',
      ...opts.env,
    };
    const ports = await Promise.all(Array.from({ length: opts.count }, () => freePort()));
    const instances = ports.map((p) => createInstance(p, env));
    cleanups.push(async () => {
      await Promise.all(instances.map((i) => i.stop()));
    });
    for (const instance of instances) {
      await instance.start();
      log(`instance : ${instance.url}`);
    }
    const nginx = await startNginx({ dir, listenPort: opts.port ?? (await freePort()), upstreams: ports, ...doorFor(opts.count) });
    cleanups.push(() => nginx.stop());
    log(`nginx : ${nginx.url}`);
    const cluster: Cluster = {
      url: nginx.url,
      dir,
      postgres,
      redis,
      nginx,
      instances,
      async restartRedis(downMs) {
        await redis.stop();
        await new Promise((r) => setTimeout(r, downMs));
        redis = await startRedis({ port: redis.port });
        cluster.redis = redis;
      },
      async stop() {
        for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return cluster;
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export { exited };
