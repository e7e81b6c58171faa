// The outage detector process. `serve.ts` starts it with --loop (one pass a minute; with several
// instances only the holder of a PostgreSQL advisory lock runs). By hand, it replays the past:
//   npm run detect:run -- --at 2021-04-06T09:30:00+02:00
//   npm run detect:run -- --from 2021-04-06T06:00:00+02:00 --to 2021-04-06T20:00:00+02:00 --every 5
import { parseArgs } from 'node:util';
import { runDetection } from '../lib/detect/run-detection';
import { connectForScript } from './db-connect';

const LOCK_KEY = 4_242_021;

async function main() {
  const { values } = parseArgs({
    options: { loop: { type: 'boolean' }, at: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, every: { type: 'string' } },
  });
  const { db, close } = await connectForScript();
  const cache = new Map();
  try {
    if (values.loop) {
      for (;;) {
        const [lock] = await db.$queryRaw<Array<{ ok: boolean }>>`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`;
        if (lock?.ok) {
          const run = await runDetection(db, { cache }).catch((error: unknown) => {
            console.error('[détection] échec :', error instanceof Error ? error.message : error);
            return null;
          });
          if (run && run.created + run.updated + run.closed > 0) {
            console.log(`[détection] ${run.now.toISOString()} : ${run.created} ouverts, ${run.updated} mis à jour, ${run.closed} clos`);
          }
          for (const shift of run?.levelShifts ?? []) {
            console.warn(`[détection] changement de niveau à vérifier : ${shift.platformId} ${shift.scope} ×${shift.factor.toFixed(2)} depuis ${new Date(shift.at).toISOString()}`);
          }
        }
        await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 2_000));
      }
    }
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
