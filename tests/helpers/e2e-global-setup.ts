import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../lib/net/free-port';
import { startAppServer } from './app-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}



/** Serves the production build (`npm run build` ran before) on a fresh embedded database. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-e2e-'));
  const port = await freePort();
  // Trusting the loopback proxy lets a suite act from several client addresses (X-Forwarded-For), as behind nginx.
  const child = await startAppServer({ port, dataDir, logs: true, trustedProxies: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${port}`;
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  return async () => {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
