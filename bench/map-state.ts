// `npm run bench:state`: reading the current state of the 30 académies (one platform, and all
// platforms) with BENCH_REPORTS (default 10 million) reports stored over eight weeks, on PostgreSQL.
// Cold = first query after a server restart (empty shared buffers), connection included; warm = p50/p99 over repeated queries.
import { readAreaState } from '../lib/db/aggregates';
import { createPrismaClient } from '../lib/db/create-client';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { fillReports } from './lib/fill-reports';
import { startPostgres } from './lib/postgres';
import { writeResults, type Row } from './lib/table';
import { percentile, time } from './lib/stats';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 10_000_000);
const WARM_RUNS = 200;

async function main() {
  const server = await startPostgres();
  if (!server) throw new Error('PostgreSQL 15 introuvable (installez postgresql-15 ou définissez BENCH_DATABASE_URL)');
  try {
    await prepareDatabase({ url: server.url, kind: 'postgresql' });
    await fillReports(server.url, REPORTS);
    const at = new Date();
    const rows: Row[] = [];
    for (const [label, platformId] of [['one platform (pronote), 30 académies', 'pronote'], ['all platforms × académies', undefined]] as const) {
      server.restart?.();
      const db = createPrismaClient({ url: server.url, kind: 'postgresql', timeoutMs: 60_000 });
      const cold = await time(() => readAreaState(db, { at, windowMinutes: 30, platformId }));
      const warm: number[] = [];
      for (let i = 0; i < WARM_RUNS; i += 1) warm.push(await time(() => readAreaState(db, { at, windowMinutes: 30, platformId })));
      const areas = (await readAreaState(db, { at, windowMinutes: 30, platformId })).length;
      rows.push({ query: label, 'areas returned': areas, 'cold ms (incl. connect)': cold.toFixed(1), 'warm p50 ms': percentile(warm, 50).toFixed(2), 'warm p99 ms': percentile(warm, 99).toFixed(2) });
      await db.$disconnect();
    }
    writeResults('map-state', `Current state of the académies, last 30 minutes, with ${REPORTS.toLocaleString('en')} reports stored (PostgreSQL 15, Prisma client)`, rows);
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
