import { spawn, type ChildProcess } from 'node:child_process';
import { APP_SERVER_ARGS, ensureServerBuild } from '../../scripts/app-command';

/** Starts the production app server on an embedded database in `dataDir`, resolved once /api/health is OK. */
export async function startAppServer(opts: { port: number; dataDir: string; logs?: boolean; trustedProxies?: string }): Promise<ChildProcess> {
  ensureServerBuild();
  // 127.0.0.2 plays the TLS-terminating proxy in tests (X-Forwarded-* believed from it only).
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: opts.dataDir, PORT: String(opts.port), NODE_ENV: 'production', TRUSTED_PROXIES: opts.trustedProxies ?? '127.0.0.2' };
  delete env.DATABASE_URL;
  const child = spawn('node', APP_SERVER_ARGS, {
    env,
    stdio: ['ignore', opts.logs ? 'inherit' : 'ignore', 'inherit', 'ipc'],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${opts.port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('server did not become healthy');
}
