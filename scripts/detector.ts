// Replays the outage detector over the past (the live passes run in the worker, scripts/worker.ts):
//   npm run detect:run -- --at 2021-04-06T09:30:00+02:00
//   npm run detect:run -- --from 2021-04-06T06:00:00+02:00 --to 2021-04-06T20:00:00+02:00 --every 5
import { parseArgs } from 'node:util';
import { runDetection } from '../lib/detect/run-detection';
import { connectForScript } from './db-connect';

const USAGE = 'Usage : npm run detect:run -- [--at <instant ISO>] | [--from <instant ISO> [--to <instant ISO>] [--every <minutes, défaut 5>]]';

function readOptions() {
  try {
    const { values } = parseArgs({
      options: { at: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, every: { type: 'string' }, help: { type: 'boolean' } },
    });
    if (!values.help) return values;
  } catch (error) {
    console.error(`Erreur : ${(error as Error).message}`);
  }
  console.error(USAGE);
  process.exit(2);
}

async function main() {
  const values = readOptions();
  const { db, close } = await connectForScript();
  const cache = new Map();
  try {
    const instants = replayInstants(values);
    for (const now of instants) {
      const run = await runDetection(db, { now, cache });
      console.log(`${now.toISOString()} : ${run.platforms} plateformes, ${run.created} incidents ouverts, ${run.updated} mis à jour, ${run.closed} clos`);
    }
  } finally {
    await close();
  }
}

function replayInstants(values: { at?: string; from?: string; to?: string; every?: string }): Date[] {
  const parse = (s: string | undefined, name: string): Date => {
    const d = new Date(s ?? '');
    if (Number.isNaN(d.getTime())) throw new Error(`--${name} : date ISO invalide (${s ?? 'absente'})`);
    return d;
  };
  if (values.at) return [parse(values.at, 'at')];
  if (!values.from) return [new Date()];
  const from = parse(values.from, 'from');
  const to = values.to ? parse(values.to, 'to') : new Date();
  const every = Number(values.every ?? '5');
  if (!Number.isFinite(every) || every < 1) throw new Error('--every : nombre de minutes ≥ 1');
  const instants: Date[] = [];
  for (let t = from.getTime(); t <= to.getTime(); t += every * 60_000) instants.push(new Date(t));
  return instants;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
