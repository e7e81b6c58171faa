// `npm run bench:live-bytes`: bytes each live-map viewer receives per report at surge rate, through the
// real hub (lib/live/hub.ts, memory bus, 100 ms flushes): reports folded into counts frames, against
// the previous encoding (one SSE event per report, `{"kind":"report",…}`) computed from the same
// numbered deltas in the same run. BENCH_RATE reports/s (default 1,500) for BENCH_SECONDS (default 5)
// to BENCH_VIEWERS sinks (default 1,000; one in five filtered on a platform, as in bench:surge).
import os from 'node:os';
import { createLiveHub } from '../lib/live/hub';
import { createMemoryBus } from '../lib/live/memory-bus';
import { sseEvent } from '../lib/live/sse';
import type { LiveEvent } from '../lib/live/types';
import type { LiveDelta } from '../lib/map-state/types';
import { writeResults } from './lib/table';

const RATE = Number(process.env.BENCH_RATE ?? 1500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1000);
const PLATFORMS = ['pronote', 'cned-ma-classe-a-la-maison', 'monlycee-net', 'ent-hauts-de-france'];
const ACADEMIES = [
  'aix-marseille', 'amiens', 'besancon', 'bordeaux', 'clermont-ferrand', 'corse', 'creteil', 'dijon', 'grenoble', 'guadeloupe',
  'guyane', 'lille', 'limoges', 'lyon', 'martinique', 'mayotte', 'montpellier', 'nancy-metz', 'nantes', 'nice',
  'normandie', 'orleans-tours', 'paris', 'poitiers', 'reims', 'rennes', 'la-reunion', 'strasbourg', 'toulouse', 'versailles',
];
const CATEGORIES = ['unreachable', 'login', 'slow'] as const;
const TICK_MS = 100;

const pick = <T,>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Scenario = { label: string; event(): LiveEvent };
const SCENARIOS: Scenario[] = [
  {
    label: 'spread (uniform)',
    event: () => ({ kind: 'report', at: new Date().toISOString(), platformId: pick(PLATFORMS), academyId: pick(ACADEMIES), category: pick(CATEGORIES), reporter: Math.random() < 0.8 }),
  },
  {
    // As on 6 April 2021: one platform down nearly everywhere, mostly 'unreachable'.
    label: 'one platform down',
    event: () => ({
      kind: 'report',
      at: new Date().toISOString(),
      platformId: Math.random() < 0.85 ? 'cned-ma-classe-a-la-maison' : pick(PLATFORMS),
      academyId: pick(ACADEMIES),
      category: Math.random() < 0.7 ? 'unreachable' : pick(CATEGORIES),
      reporter: Math.random() < 0.8,
    }),
  },
];

async function run(scenario: Scenario): Promise<{ reports: number; before: number; now: number; cpuMs: number }> {
  const hub = createLiveHub({ bus: createMemoryBus(), maxConnections: VIEWERS + 1, flushMs: 100 });
  await hub.start();
  const numbered: LiveDelta[] = [];
  hub.onDelta((d) => numbered.push(d));
  const viewers = Array.from({ length: VIEWERS }, (_, n) => {
    const viewer = { platformId: n % 5 === 0 ? (PLATFORMS[n % PLATFORMS.length] as string) : null, bytes: 0 };
    hub.attach({ platformId: viewer.platformId, lastSeq: null, sink: { write: (chunk) => (viewer.bytes += Buffer.byteLength(chunk)), backlog: () => 0, close: () => {} } });
    return viewer;
  });
  const opening = viewers.map((v) => v.bytes);
  const perTick = Math.round((RATE * TICK_MS) / 1000);
  const cpu0 = process.cpuUsage();
  for (let t = 0; t < (SECONDS * 1000) / TICK_MS; t += 1) {
    hub.publish(Array.from({ length: perTick }, scenario.event));
    await sleep(TICK_MS);
  }
  await sleep(300);
  const cpu = process.cpuUsage(cpu0);
  await hub.stop();

  // The previous encoding: every report its own event, the delta as stamped (`{...event, seq}`).
  const oldBytes = (d: LiveDelta) => Buffer.byteLength(sseEvent(d.seq, JSON.stringify(d)));
  let reports = 0;
  let sentNow = 0;
  let sentBefore = 0;
  for (const [n, v] of viewers.entries()) {
    const wanted = numbered.filter((d) => d.kind === 'report' && (v.platformId === null || d.platformId === v.platformId));
    reports += wanted.length;
    sentBefore += wanted.reduce((sum, d) => sum + oldBytes(d), 0);
    sentNow += v.bytes - (opening[n] ?? 0);
  }
  return { reports, before: sentBefore, now: sentNow, cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

async function main(): Promise<void> {
  const rows = [];
  for (const scenario of SCENARIOS) {
    const r = await run(scenario);
    const row = (label: string, bytes: number) => ({
      reports: scenario.label,
      encoding: label,
      'bytes per report per viewer': (bytes / r.reports).toFixed(1),
      'MB/s to all viewers': (bytes / SECONDS / 1e6).toFixed(1),
      'vs one event per report': (bytes / r.before).toFixed(3),
    });
    rows.push(row('one event per report (previous)', r.before), row('counts frame per 100 ms flush', r.now));
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  writeResults(
    'live-bytes',
    `Live stream bytes: ${RATE} reports/s for ${SECONDS} s to ${VIEWERS} viewers (1 in 5 filtered on a platform), ${ACADEMIES.length} académies, ${PLATFORMS.length} platforms, ${CATEGORIES.length} categories; load average ${load}`,
    rows,
    { rate: RATE, seconds: SECONDS, viewers: VIEWERS, loadAverage: load },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
