import { spawn, type ChildProcess } from 'node:child_process';
import { APP_SERVER_ARGS } from '../../scripts/app-command';
import { freePort } from './postgres';

export type Server = { port: number; child: ChildProcess };

export async function waitUntilUp(port: number, pathName: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      const res = await fetch(`http://127.0.0.1:${port}${pathName}`);
      if (pathName === '/' || res.ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

/** Stops a detached child and its process group (the app server spawns the database owner and the detector). */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || !child.pid) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid, 'SIGTERM');
    setTimeout(() => resolve(), 8000).unref();
  });
}

/** The production app server (a build must exist in NEXT_DIST_DIR), in its own process group. */
export async function startApp(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn('node', APP_SERVER_ARGS, {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production', TRUSTED_PROXIES: '127.0.0.1', POW_MODE: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await waitUntilUp(port, '/api/health', child);
  return { port, child };
}
