import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { acceptsConnections } from '@/lib/net/free-port';
import { APP_SERVER_ARGS } from '../../../scripts/app-command';
import { appTree, waitUntil } from './process-tree';

export type AppProcess = { child: ChildProcess; pid: number; exited: Promise<number | null> };

/** Compiles the server entry points as `npm run build` does (esbuild, about a second). */
export function buildServer(): void {
  const result = spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build-server failed');
}

/**
 * Starts the production launcher (compiled JS, as `npm start`) tied to this test process by IPC,
 * in its own process group so `killGroup` can clean up whatever a test left.
 */
export function startLauncher(env: Record<string, string>): AppProcess {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', TRUSTED_PROXIES: '127.0.0.1', POW_MODE: 'off', LOG_LEVEL: 'warn', ...env };
  if (!env.DATABASE_URL) delete fullEnv.DATABASE_URL;
  const child = spawn(process.execPath, APP_SERVER_ARGS, { env: fullEnv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], detached: true });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, pid: child.pid as number, exited };
}

export async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Whether nothing accepts connections on the loopback port (a killed tree must free it). */
export async function portFree(port: number): Promise<boolean> {
  return !(await acceptsConnections(port));
}

/** Starts the launcher (recorded in `started` for clean-up) and waits until it is healthy and its worker runs. */
export async function launchHealthy(env: Record<string, string>, baseUrl: string, started: AppProcess[]): Promise<AppProcess> {
  const app = startLauncher(env);
  started.push(app);
  await waitUntil('healthy', () => {
    if (app.child.exitCode !== null) throw new Error(`launcher exited with ${app.child.exitCode}`);
    return isHealthy(baseUrl);
  }, 120_000);
  await waitUntil('worker started', () => appTree(app.pid).worker !== undefined, 20_000);
  return app;
}
