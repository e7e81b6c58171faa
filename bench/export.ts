// `npm run bench:export`: streamed exports on PostgreSQL, measured from an HTTP client against the
// production server (`npm run build` first; NEXT_DIST_DIR honoured). BENCH_EXPORT_REPORTS (default
// 1 million) reports over a year, and a year of 15-minute counts for one service in its académies
// (1,051,200 rows); each exported as CSV and GeoJSON. Rows/s, and peak RSS growth of the server
// process sampled every 10 ms; baseline of the same run: the same pages read from the database in a
// process of their own, without HTTP. Targets: growth < 100 MB, ≥ 100,000 rows/s.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { prepareDatabase } from '../lib/setup/prepare-database';
import { ensureServerBuild } from '../scripts/app-command';
import { startApp, stop } from './lib/app-server';
import { fillExportData, PLATFORM, YEAR_FROM, YEAR_TO } from './lib/export-fill';
import { startPostgres } from './lib/postgres';
import { writeResults, type Row } from './lib/table';

const REPORTS = Number(process.env.BENCH_EXPORT_REPORTS ?? 1_000_000);
const MB = 1024 * 1024;

type Run = { seconds: number; bytes: number; rows: number; rssBefore: number; rssPeak: number };

function baseline(url: string, kind: string, query: string): Run {
  const out = execFileSync('node', ['--expose-gc', '--import', 'tsx', '--import', './scripts/hooks/register.mjs', 'bench/lib/export-worker.ts', kind, query], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 * MB,
  });
  return JSON.parse(out.toString().trim().split('\n').pop() ?? '{}') as Run;
}

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** The server process: the launcher's child on the embedded database; on PostgreSQL the launcher runs it itself. */
function serverPid(launcher: number): number {
  const children = readFileSync(`/proc/${launcher}/task/${launcher}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  const server = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('serve.js'));
  return server ?? launcher;
}

/** GET over HTTP, drained as it comes; counts bytes and line feeds (CSV rows + header + preamble). */
function download(port: number, path: string): Promise<{ status: number; bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, lines }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function measure(port: number, pid: number, path: string): Promise<Run & { lines: number }> {
  const before = rssOf(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
  const started = performance.now();
  const res = await download(port, path);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return { seconds, bytes: res.bytes, rows: 0, lines: res.lines, rssBefore: before, rssPeak: Math.max(peak, rssOf(pid)) };
}

const perSecond = (rows: number, seconds: number) => Math.round(rows / seconds);
const growthMb = (run: Run) => (run.rssPeak - run.rssBefore) / MB;

async function main() {
  ensureServerBuild();
  const cluster = await startPostgres();
  if (!cluster) throw new Error('PostgreSQL 15 not found (set BENCH_DATABASE_URL)');
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    await prepareDatabase({ url: cluster.url, kind: 'postgresql' });
    const filled = await fillExportData(cluster.url, REPORTS);
    console.log(`${filled.reports.toLocaleString('fr-FR')} signalements, ${filled.counts.toLocaleString('fr-FR')} comptages`);
    app = await startApp({ DATABASE_URL: cluster.url, DETECTOR: 'off' });
    const pid = serverPid(app.child.pid as number);
    const datasets = [
      { name: `signalements (${filled.reports.toLocaleString('fr-FR')})`, kind: 'reports', path: '/api/v1/exports/signalements', rows: filled.reports, query: `de=${YEAR_FROM}&a=${YEAR_TO}` },
      { name: `comptages 15 min, un an (${filled.counts.toLocaleString('fr-FR')})`, kind: 'counts', path: '/api/v1/exports/comptages', rows: filled.counts, query: `de=${YEAR_FROM}&a=${YEAR_TO}&pas=15min&plateforme=${PLATFORM}` },
    ];
    // Warm up: route modules compiled and loaded, pool connected, boundaries read once.
    for (const d of datasets) for (const format of ['csv', 'geojson']) await download(app.port, `${d.path}?de=${YEAR_FROM}&a=2023-01-02T00:00:00Z&format=${format}`);
    const loads: string[] = [readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')];
    const rows: Row[] = [];
    for (const d of datasets) {
      const raw = baseline(cluster.url, d.kind, d.query);
      const rawRate = raw.rows / raw.seconds;
      rows.push({ données: d.name, format: 'pages lues en base, sans HTTP (référence)', lignes: raw.rows, 's': raw.seconds.toFixed(1), 'lignes/s': perSecond(raw.rows, raw.seconds), 'Mo écrits': (raw.bytes / MB).toFixed(0), 'RSS +Mo (pic)': growthMb(raw).toFixed(1), 'vs référence': '1.00×', cible: '' });
      for (const format of ['csv', 'geojson']) {
        const run = await measure(app.port, pid, `${d.path}?${d.query}&format=${format}`);
        // CSV: one line per row after the two licence/citation lines and the header.
        if (format === 'csv' && run.lines - 3 !== d.rows) throw new Error(`${d.name}: ${run.lines - 3} lignes CSV, ${d.rows} attendues`);
        const rate = d.rows / run.seconds;
        rows.push({
          données: d.name,
          format: `${format} (HTTP)`,
          lignes: d.rows,
          's': run.seconds.toFixed(1),
          'lignes/s': Math.round(rate),
          'Mo écrits': (run.bytes / MB).toFixed(0),
          'RSS +Mo (pic)': growthMb(run).toFixed(1),
          'vs référence': `${(rate / rawRate).toFixed(2)}×`,
          cible: growthMb(run) < 100 && rate >= 100_000 ? 'atteinte' : 'manquée',
        });
      }
      loads.push(readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '));
    }
    writeResults('export', 'Exports en flux sur PostgreSQL 15 : débit et croissance du RSS du processus serveur (client HTTP)', rows, { reports: filled.reports, counts: filled.counts, loadavg: loads });
    const note = `\nCharge moyenne (1, 5, 15 min) avant la mesure puis après chaque jeu : ${loads.join(' → ')} (2 cœurs partagés).\n`;
    appendFileSync('bench/results/export.md', note);
    console.log(note);
  } finally {
    if (app) await stop(app.child);
    cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
