import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '@/lib/net/free-port';
import { startPostgres, type PostgresServer } from '../../scripts/cluster/postgres';
import { buildServer, isHealthy, killGroup, launchHealthy, portFree, type AppProcess } from './helpers/app';
import { checkStored, startLoad, type Outcome } from './helpers/load';
import { appTree, childrenOf, commandOf, isAlive, waitUntil } from './helpers/process-tree';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ecole-faults-tree-pg-'));
let pg: PostgresServer;
let port = 0;
let baseUrl = '';
const started: AppProcess[] = [];

function launch(): Promise<AppProcess> {
  return launchHealthy({ DATABASE_URL: pg.url, PORT: String(port), DATA_DIR: path.join(dir, 'data') }, baseUrl, started);
}

beforeAll(async () => {
  buildServer();
  chmodSync(dir, 0o755);
  pg = await startPostgres(path.join(dir, 'postgres'));
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
}, 120_000);
afterAll(async () => {
  for (const app of started) killGroup(app.pid);
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the process tree on PostgreSQL (launcher = server → worker)', () => {
  test('the launcher runs the server itself: its only child is the worker', async () => {
    const app = await launch();
    const tree = appTree(app.pid);
    expect(tree.server).toBe(app.pid);
    expect(childrenOf(app.pid).map(commandOf)).toEqual([expect.stringContaining('worker.js')]);
  });

  test('a SIGKILLed worker is restarted by the server, which keeps answering', async () => {
    const app = started.at(-1) as AppProcess;
    const { worker } = appTree(app.pid);
    process.kill(worker as number, 'SIGKILL');
    await waitUntil('worker restarted', () => {
      const next = appTree(app.pid).worker;
      return next !== undefined && next !== worker;
    });
    await waitUntil('still healthy', () => isHealthy(baseUrl), 20_000);
  });

  test('a SIGKILLed server takes its worker along (port freed); a restart is healthy', async () => {
    const app = started.at(-1) as AppProcess;
    const { worker } = appTree(app.pid);
    process.kill(app.pid, 'SIGKILL');
    await app.exited;
    await waitUntil('worker gone', () => !isAlive(worker as number), 15_000);
    expect(await portFree(port)).toBe(true);
    await launch();
  });

  test('SIGTERM drains: requests in flight are all answered, none reset, every acknowledged report stored; the worker stops too', async () => {
    const app = started.at(-1) as AppProcess;
    const { worker } = appTree(app.pid);
    const load = startLoad(baseUrl, 16);
    await waitUntil('load running', () => load.outcomes.length > 200, 30_000);
    const signalledAt = Date.now();
    process.kill(app.pid, 'SIGTERM');
    expect(await app.exited).toBe(0);
    const outcomes = await load.stop();
    expect(isAlive(worker as number)).toBe(false);
    const cut = (o: Outcome) => o.error === 'ECONNRESET' || o.error === 'EPIPE';
    expect(outcomes.filter((o) => cut(o) && o.sentAt < signalledAt)).toEqual([]);
    expect(outcomes.filter((o) => o.error === 'TIMEOUT')).toEqual([]);
    expect(outcomes.filter((o) => o.error && !cut(o) && o.error !== 'ECONNREFUSED')).toEqual([]);
    expect(outcomes.filter((o) => o.status !== null && o.status >= 500 && o.status !== 503)).toEqual([]);
    const stored = await checkStored(pg.url, outcomes);
    expect(stored.acknowledged).toBeGreaterThan(200);
    expect(stored).toMatchObject({ missing: 0, duplicated: 0, missingFromLedger: 0, duplicatedInLedger: 0 });
    await launch();
  });
});
