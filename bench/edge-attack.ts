// `npm run bench:attack`: the issue-10 attack on one production instance (embedded database, a build
// must exist in NEXT_DIST_DIR): 100 reporters from their own addresses in a 1 s burst, first alone
// (baseline, same run), then while 4 addresses hold 200 slow report bodies and try 1,000 live streams
// and 2 more hold 20 stalled chunked bodies. A cold-start row shows the first reports of a fresh instance.
// Prints p50/p99 seen by the client and how many were accepted; writes bench/results/edge-attack.*.
import http from 'node:http';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, stop } from './lib/app-server';
import { attackerAddresses, reporterAddresses, runEdgeAttack, stallerAddresses, type AttackResult, type HeldState } from './lib/edge-attack';
import { percentile } from './lib/stats';
import { writeResults, type Row } from './lib/table';

function health(port: number): Promise<string> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/api/health', localAddress: '127.0.0.2', agent: false }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(String((JSON.parse(text) as { status?: string }).status)));
      })
      .on('error', () => resolve('error'));
  });
}

/** Held: unanswered when the reporters were done, or answered 408 at the body deadline; refused: anything else (429). */
function heldRefused(state: HeldState): string {
  const held = state.unanswered + (state.statuses[408] ?? 0);
  return `${held}/${state.total - held}`;
}

function row(label: string, result: Pick<AttackResult, 'legit'>, extra: Row): Row {
  const ms = result.legit.map((r) => r.ms);
  const codes = new Map<string, number>();
  for (const r of result.legit) if (r.code) codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
  return {
    scenario: label,
    accepted: `${result.legit.filter((r) => r.status === 201 || r.status === 200).length}/${result.legit.length}`,
    'p50 ms': percentile(ms, 50).toFixed(0),
    'p99 ms': percentile(ms, 99).toFixed(0),
    'max ms': Math.max(...ms).toFixed(0),
    refusals: [...codes].map(([code, n]) => `${code} ${n}`).join(', ') || '-',
    ...extra,
  };
}

async function main() {
  const loadBefore = os.loadavg();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ecole-bench-attack-'));
  const app = await startApp({ DATA_DIR: dataDir, DETECTOR: 'off' });
  try {
    const rows: Row[] = [];
    // A fresh instance (day key, settings and catalogue not yet read): then it is a running one.
    const warm = await runEdgeAttack({ port: app.port, attackers: [], reporters: reporterAddresses(30).map((a) => a.replace('127.0.', '127.2.')), slowBodies: 0, streams: 0, spreadMs: 3000 });
    await warm.stop();
    rows.push(row('cold start: 30 reporters over 3 s', warm, { 'attack streams open/refused': '-', 'slow bodies held/refused': '-', 'stalled chunks held/refused': '-', health: '-' }));
    const first = await runEdgeAttack({ port: app.port, attackers: [], reporters: reporterAddresses(100).map((a) => a.replace('127.0.', '127.3.')), slowBodies: 0, streams: 0, spreadMs: 1000 });
    await first.stop();
    rows.push(row('first burst: 100 reporters in 1 s, no attack', first, { 'attack streams open/refused': '-', 'slow bodies held/refused': '-', 'stalled chunks held/refused': '-', health: '-' }));
    await new Promise((r) => setTimeout(r, 2000));
    const calm = await runEdgeAttack({ port: app.port, attackers: attackerAddresses(4), reporters: reporterAddresses(100), slowBodies: 0, streams: 0, spreadMs: 1000 });
    await calm.stop();
    rows.push(row('baseline: 100 reporters in 1 s, no attack', calm, { 'attack streams open/refused': '-', 'slow bodies held/refused': '-', 'stalled chunks held/refused': '-', health: await health(app.port) }));
    const attack = await runEdgeAttack({
      port: app.port,
      attackers: attackerAddresses(4),
      stallers: stallerAddresses(2),
      reporters: reporterAddresses(100).map((a) => a.replace('127.0.', '127.1.')),
      slowBodies: 200,
      stalledChunks: 20,
      streams: 1000,
      spreadMs: 1000,
    });
    const state = await health(app.port);
    const [bodies, chunks] = [attack.slowBodies(), attack.stalledChunks()];
    await attack.stop();
    const open = attack.streams.statuses[200] ?? 0;
    rows.push(
      row('under attack: 200 slow bodies, 20 stalled chunks, 1,000 streams from 6 addresses', attack, {
        'attack streams open/refused': `${open}/${1000 - open}`,
        'slow bodies held/refused': heldRefused(bodies),
        'stalled chunks held/refused': heldRefused(chunks),
        health: state,
      }),
    );
    const load = { before: loadBefore, after: os.loadavg() };
    writeResults('edge-attack', 'Intake under attack (client-side latency of legitimate reports, same run)', rows, { cpus: os.cpus().length, load });
    const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    appendFileSync('bench/results/edge-attack.md', `\nMachine: ${os.cpus().length} CPUs, load average (1, 5, 15 min) ${fmt(load.before)} before the run, ${fmt(load.after)} after.\n`);
  } finally {
    await stop(app.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
