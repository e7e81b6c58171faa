import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '@/lib/db/create-client';
import { startEmbeddedServer } from '@/lib/db/embedded/owner';
import { prepareDatabase } from '@/lib/setup/prepare-database';
import { freePort } from '@/lib/net/free-port';
import { runDetection } from '@/lib/detect/run-detection';
import { simulateIter } from '@/lib/simulate/generate';
import { writeSimulatedReports } from '@/lib/simulate/io/write-db';
import type { OutageSpec } from '@/lib/simulate/types';
import { startAppServer } from './app-server';

const MIN = 60_000;
const DAY = 86_400_000;

export type SimulatedData = { dataDir: string; now: number; outages: OutageSpec[]; approvedComment: string | null };

/**
 * A fresh embedded database folder filled by the simulator: `historyDays` of background traffic
 * for `platforms` ending at `now`, the given outages, detection passes over the last two hours, and
 * one comment approved by a moderator. Serve it with startAppServer({ dataDir }).
 */
export async function prepareSimulatedData(opts: {
  platforms: string[];
  outages: (now: number) => OutageSpec[];
  historyDays?: number;
  seed?: number;
}): Promise<SimulatedData> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-sim-'));
  const now = Date.now() - (Date.now() % MIN);
  const outages = opts.outages(now);
  const server = await startEmbeddedServer({ dataDir });
  try {
    await prepareDatabase({ url: server.url, kind: 'embedded' });
    const db = createPrismaClient({ url: server.url, kind: 'embedded', timeoutMs: 120_000 });
    const seed = opts.seed ?? 11;
    const start = new Date(now - (opts.historyDays ?? 14) * DAY);
    await writeSimulatedReports(
      db,
      simulateIter({ start, end: new Date(now), seed, platforms: opts.platforms, scenarios: [{ name: 'e2e', outages }] }),
      { seed },
    );
    for (let t = now - 120 * MIN; t <= now; t += 5 * MIN) await runDetection(db, { now: new Date(t), cache: new Map() });
    const withComment = await db.report.findFirst({ where: { comment: { not: null }, counted: true }, orderBy: { createdAt: 'desc' } });
    if (withComment) await db.report.updateMany({ where: { id: withComment.id }, data: { commentState: 'approved' } });
    await db.$disconnect();
    return { dataDir, now, outages, approvedComment: withComment?.comment ?? null };
  } finally {
    await server.stop();
  }
}

/** prepareSimulatedData, then the production app server on it (own port); stop() ends it and removes the folder. */
export async function startSimulatedApp(opts: Parameters<typeof prepareSimulatedData>[0]): Promise<{ baseUrl: string; data: SimulatedData; stop: () => Promise<void> }> {
  const data = await prepareSimulatedData(opts);
  const port = await freePort();
  const child = await startAppServer({ port, dataDir: data.dataDir });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    data,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 1500));
      rmSync(data.dataDir, { recursive: true, force: true });
    },
  };
}
