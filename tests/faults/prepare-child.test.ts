import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '@/lib/net/free-port';
import { buildServer, isHealthy, killGroup, startLauncher, type AppProcess } from './helpers/app';
import { childrenOf, commandOf, isAlive, waitUntil } from './helpers/process-tree';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-faults-prepare-'));
const started: AppProcess[] = [];

beforeAll(() => buildServer());
afterAll(() => {
  for (const app of started) killGroup(app.pid);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the launcher’s preparation child (migrations and seed)', () => {
  test('runs, exits before the server starts, and dies with a SIGKILLed launcher; the next start is healthy', async () => {
    const port = await freePort();
    const first = startLauncher({ DATA_DIR: dataDir, PORT: String(port) });
    started.push(first);
    let prepare: number | undefined;
    await waitUntil('preparation child started', () => {
      prepare = childrenOf(first.pid).find((p) => commandOf(p).includes('prepare-db.js'));
      return prepare !== undefined;
    }, 120_000);
    process.kill(first.pid, 'SIGKILL');
    await waitUntil('preparation child gone', () => !isAlive(prepare as number), 20_000);

    const second = startLauncher({ DATA_DIR: dataDir, PORT: String(port) });
    started.push(second);
    await waitUntil('healthy', () => isHealthy(`http://127.0.0.1:${port}`), 120_000);
    const children = childrenOf(second.pid).map(commandOf);
    expect(children.some((c) => c.includes('serve.js'))).toBe(true);
    expect(children.some((c) => c.includes('prepare-db.js'))).toBe(false);
  }, 300_000);
});
