// Baseline of `npm run bench:export`, in its own process: the export's pages read from the database
// (rows written out by PostgreSQL as CSV) through the server's reader, neither wrapped nor sent over
// HTTP; RSS sampled every 10 ms.
// argv: <counts|reports> <query string>. DATABASE_URL is the bench cluster. Prints one JSON line.
import { writeSync } from 'node:fs';

const [kind = 'counts', query = ''] = process.argv.slice(2);

async function main() {
  const { getDb } = await import('../../lib/db/client');
  const { getExportReader } = await import('../../lib/db/export-reader');
  const { countPages, reportPages } = await import('../../lib/export/pages');
  const params = Object.fromEntries(new URLSearchParams(query));
  await getDb().$queryRaw`SELECT 1`;
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const filter = { from: new Date(params.de ?? ''), to: new Date(params.a ?? ''), bucket: (params.pas ?? '15min') as '15min', platformId: params.plateforme ?? null };
  const format = { encoding: { kind: 'csv' as const, separator: ',' as const }, delimiter: '' };
  const pages = kind === 'counts' ? countPages(getExportReader(), filter, format) : reportPages(getExportReader(), filter, format);
  let rows = 0;
  let bytes = 0;
  for await (const page of pages) {
    rows += page.rows;
    for (const chunk of page.bytes) bytes += chunk.length;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  writeSync(1, `${JSON.stringify({ seconds, bytes, rows, rssBefore: before, rssPeak: peak })}\n`);
  await getDb().$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
