import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCluster, type Cluster } from '../../scripts/cluster/start-cluster';
import { buildServer } from './helpers/app';
import { checkStored, postReport, startLoad, type Outcome } from './helpers/load';
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

type MapRead = { status: number | null; ms: number };

function startMapReader(url: string) {
  const reads: MapRead[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const status = await fetch(`${url}/api/etat`, { signal: AbortSignal.timeout(10_000) }).then(
        async (r) => (await r.arrayBuffer(), r.status),
        () => null,
      );
      reads.push({ status, ms: performance.now() - started });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
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

  test('nginx reloaded mid-load', async () => {
    expectPromisesKept(await underLoad(async () => cluster.nginx.reload()));
  });
});
