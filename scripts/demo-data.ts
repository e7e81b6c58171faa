// The demo's data, shared by `npm run demo` and the page benchmark: the 6 April 2021 morning with the
// four weeks before it (replay), and the last two weeks up to `now` with an outage under way, then
// detection run over both so incidents exist.
import { createPrismaClient } from '../lib/db/create-client';
import { startEmbeddedServer } from '../lib/db/embedded/owner';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { runDetection } from '../lib/detect/run-detection';
import type { PrismaClient } from '../lib/db/types';
import { simulateIter } from '../lib/simulate/generate';
import { writeSimulatedReports } from '../lib/simulate/io/write-db';
import { scenario2021 } from '../lib/simulate/scenarios';
import type { Scenario } from '../lib/simulate/types';

const MIN = 60_000;
const DAY = 86_400_000;

function liveScenario(now: number): Scenario {
  const start = now - (now % MIN) - 40 * MIN;
  return {
    name: 'demo-live',
    outages: [
      { id: 'live-ent-idf', platformId: 'monlycee-net', academies: ['creteil', 'paris', 'versailles'], start, end: now + 3 * 60 * MIN, extraPerMinute: 12, kind: 'saturation', rampMinutes: 5 },
      { id: 'live-cned', platformId: 'cned-ma-classe-a-la-maison', academies: 'national', start: start + 12 * MIN, end: now + 4 * 60 * MIN, extraPerMinute: 20, kind: 'attack' },
    ],
  };
}

/** Writes the demo reports into `db` and runs detection; `now` is epoch ms. */
export async function fillDemoData(db: PrismaClient, opts: { now: number; log: (line: string) => void }): Promise<void> {
  const { now, log } = opts;
  const replay = await writeSimulatedReports(
    db,
    simulateIter({ start: new Date('2021-03-08T00:00:00+01:00'), end: new Date('2021-04-07T00:00:00+02:00'), seed: 2021, scenarios: [scenario2021()] }),
    { seed: 2021 },
  );
  log(`6 avril 2021 et quatre semaines avant : ${replay.written} signalements`);
  const live = await writeSimulatedReports(
    db,
    simulateIter({ start: new Date(now - (now % MIN) - 14 * DAY), end: new Date(now - (now % MIN)), seed: 7, scenarios: [liveScenario(now)] }),
    { seed: 7 },
  );
  log(`deux dernières semaines : ${live.written} signalements`);
  const cache = new Map();
  for (let t = Date.parse('2021-04-06T06:00:00+02:00'); t <= Date.parse('2021-04-06T21:00:00+02:00'); t += 15 * MIN) {
    await runDetection(db, { now: new Date(t), cache });
  }
  for (let t = now - 60 * MIN; t <= now; t += 5 * MIN) await runDetection(db, { now: new Date(t), cache: new Map() });
  const open = await db.incident.count({ where: { state: 'open' } });
  log(`détection faite : ${await db.incident.count()} incidents, dont ${open} en cours`);
}

/** A migrated, seeded embedded database in `dataDir` filled with the demo data (the folder's owner is stopped after). */
export async function createDemoDatabase(dataDir: string, log: (line: string) => void): Promise<void> {
  const server = await startEmbeddedServer({ dataDir });
  try {
    await prepareDatabase({ url: server.url, kind: 'embedded', log });
    const db = createPrismaClient({ url: server.url, kind: 'embedded', timeoutMs: 120_000 });
    await fillDemoData(db, { now: Date.now(), log });
    await db.$disconnect();
  } finally {
    await server.stop();
  }
}
