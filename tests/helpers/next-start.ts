import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { embeddedUrl } from '@/lib/db/embedded/owner-url';
import { freePort } from '@/lib/net/free-port';

/**
 * The same build served by plain `next start` (no lib/server in front), on the e2e server's embedded
 * database: what someone gets who starts the app the framework's way.
 */
export async function startNextOnly(opts: { dataDir: string; env?: Record<string, string> }): Promise<{ base: string; stop(): Promise<void> }> {
  const owner = JSON.parse(readFileSync(path.join(opts.dataDir, 'owner.json'), 'utf8')) as { port: number; password: string };
  const port = await freePort();
  // DATA_DIR too: the session secret file sits beside the data folder, shared with our server.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATA_DIR: opts.dataDir, EMBEDDED_DATABASE_URL: embeddedUrl(owner.port, owner.password), PORT: String(port), ...opts.env };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`${base}/api/health`).then((r) => r.status < 500, () => false)) break;
    if (Date.now() > deadline) {
      // Detached in its own group: without this it would outlive the test run (seen: one left listening for 37 min).
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      throw new Error('next start did not answer');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || !child.pid) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid, 'SIGTERM');
        setTimeout(resolve, 5000).unref();
      }),
  };
}
