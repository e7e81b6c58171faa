// `npm run demo`: a fresh embedded database (DATA_DIR, default ./.data-demo) filled by the simulator —
// the 6 April 2021 morning (replay) and the last two weeks up to now with an outage under way —
// detection run over both, then the app served on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/create-client';
import { startEmbeddedServer } from '../lib/db/embedded/owner';
import { prepareDatabase } from '../lib/db/prepare';
import { runDetection } from '../lib/detect/run-detection';
import { simulateIter } from '../lib/simulate/generate';
import { writeSimulatedReports } from '../lib/simulate/io/write-db';
import { scenario2021 } from '../lib/simulate/scenarios';
import type { Scenario } from '../lib/simulate/types';
import { APP_SERVER_ARGS } from './app-command';

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

async function main() {
  const dataDir = path.resolve(process.env.DATA_DIR || '.data-demo');
  rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedServer({ dataDir });
  await prepareDatabase({ url: server.url, kind: 'embedded', log: (l) => console.log(`[démo] ${l}`) });
  const db = createPrismaClient({ url: server.url, kind: 'embedded', timeoutMs: 120_000 });
  const now = Date.now();
  const log = (line: string) => console.log(`[démo] ${line}`);
  const replay = await writeSimulatedReports(
    db,
    simulateIter({ start: new Date('2021-03-08T00:00:00+01:00'), end: new Date('2021-04-07T00:00:00+02:00'), seed: 2021, scenarios: [scenario2021()] }),
    { seed: 2021 },
  );
  log(`6 avril 2021 et quatre semaines avant : ${replay.written} signalements`);
  const live = await writeSimulatedReports(
    db,
    simulateIter({ start: new Date(now - now % MIN - 14 * DAY), end: new Date(now - (now % MIN)), seed: 7, scenarios: [liveScenario(now)] }),
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
  await db.$disconnect();
  await server.stop();
  if (!existsSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  log(`ouverture sur http://localhost:${process.env.PORT ?? 3000}`);
  const app = spawn('node', APP_SERVER_ARGS, { stdio: 'inherit', env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', DATABASE_URL: '' } });
  const forward = (signal: NodeJS.Signals) => app.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  app.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
