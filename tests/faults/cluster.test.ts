import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCluster, type Cluster } from '../../scripts/cluster/start-cluster';
import { launchBrowser } from '../helpers/browser';
import { buildServer } from './helpers/app';
import { browserLikeGet, checkStored, countStored, postReport, startLoad, type Outcome, type Read } from './helpers/load';
import { appTree, childrenOf, waitUntil } from './helpers/process-tree';

/** The promise to a reporter: an answer (stored, or refused with Retry-After) within 3 s. */
const REPORT_DEADLINE_MS = 3_000;
const MAP_DEADLINE_MS = 3_000;

let cluster: Cluster;
beforeAll(async () => {
  buildServer();
  cluster = await startCluster({ count: 3, env: { POW_MODE: 'off', DETECTOR: 'on' } });
}, 300_000);
afterAll(async () => {
  const log = cluster ? path.join(cluster.dir, 'nginx', 'error.log') : '';
  if (log && existsSync(log)) console.log(`nginx error.log (tail):\n${readFileSync(log, 'utf8').split('\n').slice(-15).join('\n')}`);
  await cluster?.stop();
});

/** A reader with the map open: reads `/api/etat` every 100 ms on a kept-alive connection, as a browser does. */
function startMapReader(url: string) {
  const reads: Read[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let running = true;
  const loop = (async () => {
    while (running) {
      reads.push(await browserLikeGet(`${url}/api/etat`, agent));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return reads;
    },
  };
}

/** Runs reports and map reads through nginx around `fault`, then checks the promises of the issue. */
async function underLoad(fault: () => Promise<void>) {
  const load = startLoad(cluster.url, 8, 10_000);
  const reader = startMapReader(cluster.url);
  await new Promise((r) => setTimeout(r, 1_500));
  await fault();
  await new Promise((r) => setTimeout(r, 1_500));
  const outcomes = await load.stop();
  const reads = await reader.stop();
  const recovered = await recoversWithoutRestart();
  const stored = await checkStored(cluster.postgres.url, outcomes);
  return { outcomes, reads, recovered, stored };
}

async function recoversWithoutRestart(): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const outcome = await postReport(cluster.url, 5_000);
    if (outcome.status === 201) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function expectPromisesKept(result: Awaited<ReturnType<typeof underLoad>>) {
  const unanswered = result.outcomes.filter((o: Outcome) => o.status === null);
  const late = result.outcomes.filter((o) => o.ms > REPORT_DEADLINE_MS);
  const badStatus = result.outcomes.filter((o) => o.status !== null && ![200, 201, 429, 503].includes(o.status));
  expect(unanswered.map((o) => o.error)).toEqual([]);
  expect(late.map((o) => `${o.status} after ${Math.round(o.ms)} ms`)).toEqual([]);
  expect(badStatus.map((o) => o.status)).toEqual([]);
  expect(result.stored.acknowledged).toBeGreaterThan(0);
  expect(result.stored).toMatchObject({ missing: 0, duplicated: 0, missingFromLedger: 0, duplicatedInLedger: 0 });
  expect(result.reads.filter((r) => r.status === null || r.ms > MAP_DEADLINE_MS)).toEqual([]);
  expect(result.recovered).toBe(true);
}

function postgresProcesses(): number[] {
  const root = cluster.postgres.process.pid as number;
  return [root, ...childrenOf(root)];
}

describe('faults on the local cluster (nginx, 3 instances, PostgreSQL, Redis)', () => {
  test('PostgreSQL restarted mid-load', async () => {
    expectPromisesKept(await underLoad(() => cluster.postgres.restart()));
  });

  test('PostgreSQL frozen (SIGSTOP on every postgres process) for 5 s', async () => {
    expectPromisesKept(
      await underLoad(async () => {
        const pids = postgresProcesses();
        for (const pid of pids) process.kill(pid, 'SIGSTOP');
        await new Promise((r) => setTimeout(r, 5_000));
        for (const pid of pids) process.kill(pid, 'SIGCONT');
      }),
    );
  });

  test('Redis stopped then started again', async () => {
    expectPromisesKept(
      await underLoad(() => cluster.restartRedis(3_000)),
    );
  });

  test('Redis frozen (SIGSTOP) for 5 s: reports still accepted', async () => {
    const result = await underLoad(async () => {
      cluster.redis.process.kill('SIGSTOP');
      await new Promise((r) => setTimeout(r, 5_000));
      cluster.redis.process.kill('SIGCONT');
    });
    expectPromisesKept(result);
    const during = result.outcomes.filter((o) => o.status === 201);
    expect(during.length).toBeGreaterThan(result.outcomes.length / 2);
  });

  test('one instance SIGKILLed mid-load (its server process), then brought back', async () => {
    const victim = cluster.instances[0];
    if (!victim) throw new Error('no instance');
    expectPromisesKept(
      await underLoad(async () => {
        // On PostgreSQL the instance's process is its server (the launcher runs it, tests/faults/helpers/process-tree.ts).
        const { server } = appTree(victim.process.pid as number);
        process.kill(server as number, 'SIGKILL');
      }),
    );
    await waitUntil('instance exited', () => victim.process.exitCode !== null || victim.process.signalCode !== null, 20_000);
    await victim.start();
  });

  test('one instance SIGTERMed mid-load drains', async () => {
    const victim = cluster.instances[1];
    if (!victim) throw new Error('no instance');
    expectPromisesKept(await underLoad(() => victim.stop()));
    await victim.start();
  });

  test('every instance frozen (SIGSTOP) for 3 s: nginx answers reports with 503 + Retry-After and the map from its cache', async () => {
    for (const instance of cluster.instances) if (instance.process.exitCode !== null || instance.process.signalCode !== null) await instance.start();
    const servers = cluster.instances.flatMap((i) => appTree(i.process.pid as number).server ?? []);
    expect(servers).toHaveLength(cluster.instances.length);
    const result = await underLoad(async () => {
      for (const pid of servers) process.kill(pid, 'SIGSTOP');
      await new Promise((r) => setTimeout(r, 3_000));
      for (const pid of servers) process.kill(pid, 'SIGCONT');
    });
    // As expectPromisesKept, except that the window may hold no acknowledged report on a slow machine:
    // every report was answered in time (stored, or refused by nginx for the frozen instance), none lost.
    expect(result.outcomes.filter((o) => o.status === null || o.ms > REPORT_DEADLINE_MS).map((o) => `${o.status} after ${Math.round(o.ms)} ms`)).toEqual([]);
    expect(result.outcomes.filter((o) => ![200, 201, 429, 503].includes(o.status ?? 0)).map((o) => o.status)).toEqual([]);
    expect(result.outcomes.some((o) => o.status === 503)).toBe(true);
    expect(result.stored).toMatchObject({ missing: 0, duplicated: 0, missingFromLedger: 0, duplicatedInLedger: 0 });
    // No instance could answer for 3 s, yet every map read was answered in time (a stale copy while none could refresh it).
    expect(result.reads.filter((r) => (r.status !== 200 && r.status !== 304) || r.ms > MAP_DEADLINE_MS)).toEqual([]);
    expect(result.recovered).toBe(true);
  });

  test('nginx reloaded 10 times mid-load, while a browser has the map open and sends reports', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${cluster.url}/signaler`);
      // The page's own fetches, on Chromium's kept-alive connections to nginx: map reads every 100 ms, a report every 300 ms.
      await page.evaluate(() => {
        const w = window as unknown as { faultRun: { running: boolean; reads: string[]; reports: { key: string; status: string }[] } };
        w.faultRun = { running: true, reads: [], reports: [] };
        void (async () => {
          while (w.faultRun.running) {
            const status = await fetch('/api/etat', { cache: 'no-store' }).then(async (r) => (await r.arrayBuffer(), String(r.status)), (e) => String(e));
            w.faultRun.reads.push(status);
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        void (async () => {
          while (w.faultRun.running) {
            const key = crypto.randomUUID();
            const body = JSON.stringify({ platform: 'pronote', academy: 'versailles', category: 'login', idempotencyKey: key });
            const status = await fetch('/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
              async (r) => (await r.arrayBuffer(), String(r.status)),
              (e) => String(e),
            );
            w.faultRun.reports.push({ key, status });
            await new Promise((r) => setTimeout(r, 300));
          }
        })();
      });
      const result = await underLoad(async () => {
        for (let i = 0; i < 10; i += 1) {
          cluster.nginx.reload();
          await new Promise((r) => setTimeout(r, 400));
        }
      });
      const seen = await page.evaluate(() => {
        const w = window as unknown as { faultRun: { running: boolean; reads: string[]; reports: { key: string; status: string }[] } };
        w.faultRun.running = false;
        return w.faultRun;
      });
      expectPromisesKept(result);
      // What the browser's reader saw: every read and every report answered, none an error.
      expect(seen.reads.length).toBeGreaterThan(20);
      expect(seen.reads.filter((s) => s !== '200' && s !== '304')).toEqual([]);
      expect(seen.reports.filter((r) => !['200', '201', '429', '503'].includes(r.status))).toEqual([]);
      const acknowledged = seen.reports.filter((r) => r.status === '200' || r.status === '201').map((r) => r.key);
      expect(acknowledged.length).toBeGreaterThan(0);
      const counts = await countStored(cluster.postgres.url, acknowledged);
      expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
