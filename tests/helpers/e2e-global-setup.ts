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
  // Every browser suite signs in from 127.0.0.1 (only 127.0.0.2 is a trusted proxy, for the forwarded-header tests):
  // the per-source sign-in limit is raised for the run; the limit itself is tested in the integration suite.
  process.env.LOGIN_LIMIT_PER_SOURCE = '1000';
  const child = await startAppServer({ port, dataDir, logs: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  return async () => {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
