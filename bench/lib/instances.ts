// A local multi-instance deployment for benchmarks: Redis, N production app instances and nginx in
// front of them (Debian's nginx, config generated into a temp dir), all children of the benchmark and
// stopped by it. The one place that starts instances, so it can give way to the cluster command.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/** nginx.conf for `upstreams` behind one listener; event streams unbuffered, reports never retried elsewhere. */
export function nginxConfig(input: { dir: string; port: number; upstreams: number[] }): string {
  const proxied = (extra: string) => `
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_connect_timeout 2s;${extra}`;
  return `worker_processes 1;
user root;
pid ${input.dir}/nginx.pid;
error_log ${input.dir}/error.log warn;
worker_rlimit_nofile 20000;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${input.dir}/body;
  proxy_temp_path ${input.dir}/proxy;
  fastcgi_temp_path ${input.dir}/fastcgi;
  uwsgi_temp_path ${input.dir}/uwsgi;
  scgi_temp_path ${input.dir}/scgi;
  client_max_body_size 16k;
  upstream app {
    least_conn;
${input.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
    keepalive 256;
  }
  server {
    listen 127.0.0.1:${input.port} backlog=4096;
    location = /api/flux {${proxied('\n      proxy_buffering off;\n      proxy_read_timeout 1h;')}
    }
    location / {${proxied('\n      proxy_read_timeout 30s;')}
    }
  }
}
`;
}

async function startNginx(upstreams: number[]): Promise<{ port: number; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub));
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ dir, port, upstreams }));
  const child = spawn('nginx', ['-g', 'daemon off;', '-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  killOnExit(child);
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${dir}/error.log)`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (up) return { port, child, dir };
    await sleep(100);
  }
  throw new Error('nginx did not start');
}

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
    const nginx = await startNginx(instances.map((s) => s.port));
    return {
      port: nginx.port,
      instances,
      nginx: nginx.child,
      redis: redis.child,
      async stop() {
        await stopChild(nginx.child, 'SIGQUIT');
        rmSync(nginx.dir, { recursive: true, force: true });
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
