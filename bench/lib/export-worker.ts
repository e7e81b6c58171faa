// One export measured in its own process (the "server"): the real route handler streams the file
// to a consumer that drains it; RSS is sampled every 10 ms. Prints one JSON line.
// argv: <counts|reports|raw-counts|raw-reports> <query string>. DATABASE_URL is the bench cluster.
import { writeSync } from 'node:fs';

const [kind = 'counts', query = ''] = process.argv.slice(2);

async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

async function main() {
  const { GET: counts } = await import('../../app/api/v1/exports/comptages/route');
  const { GET: reports } = await import('../../app/api/v1/exports/signalements/route');
  const { getDb } = await import('../../lib/db/client');
  const { countPages, reportPages } = await import('../../lib/export/pages');
  const params = Object.fromEntries(new URLSearchParams(query));
  const request = (path: string) => new Request(`http://127.0.0.1${path}?${query}`, { headers: { 'x-ecole-peer': '192.0.2.1', 'user-agent': 'bench' } });
  // Warm up: client connected, modules loaded, boundaries cached by the database.
  await getDb().$queryRaw`SELECT 1`;
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  let bytes = 0;
  let rows = 0;
  if (kind === 'counts' || kind === 'reports') {
    const res = await (kind === 'counts' ? counts : reports)(request(`/api/v1/exports/${kind === 'counts' ? 'comptages' : 'signalements'}`), undefined);
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    bytes = await drain(res.body);
  } else {
    // Baseline: the same pages read from the database, not encoded nor sent.
    const filter = { from: new Date(params.de ?? ''), to: new Date(params.a ?? ''), bucket: (params.pas ?? '15min') as '15min', platformId: params.plateforme ?? null };
    const pages = kind === 'raw-counts' ? countPages(getDb(), filter) : reportPages(getDb(), filter);
    for await (const page of pages) rows += page.length;
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
