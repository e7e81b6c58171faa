/*
 * Detection bench (npm run bench:detect): trains the baselines on eight weeks of simulated
 * history, then runs the production detector on seeded random outages, spam and night trickles
 * at several scales, on clean months and on the 6 April 2021 replay.
 * Writes bench/results/detect.{json,md}.
 *
 * Other seeds (to check that a result does not hold for the published seeds only):
 *   npm run bench:detect -- --seeds 6-15 --clean-seeds 201,202
 * prints the same tables and leaves bench/results untouched.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { countDistinctReporters } from '@/lib/detect/distinct-reporters';
import { detectPlatformWindow } from '@/lib/detect/run-platform';
import { matchIncidents } from '@/bench/lib/detect-eval/evaluation';
import { renderSummaryTable } from '@/bench/lib/detect-eval/evaluation-report';
import { groupIncidents, type Incident, type ScopedEpisodes } from '@/lib/detect/incidents';
import {
  createGridProvider,
  learnPlatformBaselines,
  type PlatformBaselines,
} from '@/lib/detect/platform-baseline';
import { MERGE_GAP_MINUTES } from '@/lib/detect/thresholds';
import type { CountPoint } from '@/lib/detect/types';
import {
  randomScenarios,
  scenario2021,
  simulateCounts,
  type Scenario,
} from '@/lib/simulate/generate';
import { summarize, type RunResult, type ScaleSummary } from '@/bench/lib/detect-eval/evaluation-summary';
import { estimateDayFactors, type DeclaredDay } from '@/lib/detect/day-factor';
import { MODES_SETUP, renderModesTable, renderReplay, runModesBench, type ModeRow, type Replay } from './detect-modes';
import { parseSeeds } from './lib/seeds';
import { probeScenarios } from './lib/detect-probes';

const MIN = 60_000;
const DAY = 86_400_000;
const SCALES = [0.5, 1, 2];
const DEFAULT_SEEDS = [1, 2, 3, 4, 5];
const OUTAGES_PER_RUN = 25;
const DEFAULT_CLEAN_SEEDS = [101, 102];
const TRAIN_OUTAGES = 20;
const span = (from: string, to: string) => ({ start: new Date(from), end: new Date(to) });
const TRAIN = span('2021-01-11T00:00:00+01:00', '2021-03-08T00:00:00+01:00');
const EVAL = span('2021-03-08T00:00:00+01:00', '2021-03-20T00:00:00+01:00');
const CLEAN = span('2021-03-08T00:00:00+01:00', '2021-04-05T00:00:00+02:00');
const REPLAY_TRAIN = CLEAN;
const REPLAY = span('2021-04-05T00:00:00+02:00', '2021-04-08T00:00:00+02:00');

const grids = createGridProvider();
const DECLARED_2021: DeclaredDay[] = [
  { date: '2021-04-06', academyId: null, factor: 1.5 },
  { date: '2021-04-07', academyId: null, factor: 1.5 },
];

const { values: args } = parseArgs({
  options: { seeds: { type: 'string' }, 'clean-seeds': { type: 'string' }, 'modes-only': { type: 'boolean' }, 'replay-only': { type: 'boolean' } },
});
const SEEDS = parseSeeds(args.seeds, DEFAULT_SEEDS);
const CLEAN_SEEDS = parseSeeds(args['clean-seeds'], DEFAULT_CLEAN_SEEDS);
const PUBLISHED = args.seeds === undefined && args['clean-seeds'] === undefined && !args['modes-only'] && !args['replay-only'];

type Baselines = Map<string, PlatformBaselines>;
type Window = { start: Date; end: Date };

function groupByPlatform<T extends { platformId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items)
    groups.set(item.platformId, [...(groups.get(item.platformId) ?? []), item]);
  return groups;
}

// Training history holds past outages, as production history would: the baselines ignore them.
function train(window: Window, seed: number, scale: number, outages = TRAIN_OUTAGES): Baselines {
  const scenarios = outages > 0 ? randomScenarios({ seed, count: outages, ...window }) : [];
  const sim = simulateCounts({ ...window, seed, scale, scenarios });
  const baselines: Baselines = new Map();
  for (const [platformId, series] of groupByPlatform(sim.series)) {
    const histories = series.map((s) => ({
      academyId: s.academyId,
      history: { t0: sim.t0, bucketMs: MIN, counts: s.counts },
    }));
    baselines.set(platformId, learnPlatformBaselines({ histories, grids }));
  }
  return baselines;
}

type Detection = { scoped: ScopedEpisodes[]; steps: number; detectMs: number };
type Layout = { t0: number; bucketMs: number; length: number };

// Spam reaches the counts only through distinct-reporter counting, as in production.
function withSpam(
  counts: Uint16Array,
  spam: CountPoint[] | undefined,
  layout: Layout,
): Float64Array {
  const merged = Float64Array.from(counts);
  for (const point of spam ?? []) {
    const i = (point.t - layout.t0) / MIN;
    merged[i] = (merged[i] ?? 0) + point.count;
  }
  return merged;
}

function detectPlatform(
  detection: Detection,
  layout: Layout,
  baseline: PlatformBaselines,
  series: { platformId: string; academyId: string; counts: Float64Array }[],
  dayFactors: Map<string, Float64Array>,
): void {
  const platformId = series[0]?.platformId;
  if (!platformId) return;
  const started = performance.now();
  const scoped = detectPlatformWindow({ platformId, layout, baselines: baseline, series, grids, dayFactors });
  detection.detectMs += performance.now() - started;
  detection.steps += layout.length * scoped.length;
  detection.scoped.push(...scoped);
}

function detectAll(
  baselines: Baselines,
  window: Window,
  seed: number,
  scale: number,
  scenarios: Scenario[],
  declared: DeclaredDay[] = [],
) {
  const sim = simulateCounts({ ...window, seed, scale, scenarios });
  const layout = { t0: sim.t0, bucketMs: MIN, length: sim.minutes };
  const spam = countDistinctReporters({ reports: sim.spam, bucketMs: MIN, withNational: false });
  const detection: Detection = { scoped: [], steps: 0, detectMs: 0 };
  const groups = new Map(
    [...groupByPlatform(sim.series)].map(([platformId, series]) => [
      platformId,
      series.map(({ academyId, counts }) => ({
        platformId,
        academyId,
        counts: withSpam(counts, spam.get(`${platformId}|${academyId}`), layout),
      })),
    ]),
  );
  const started = performance.now();
  const dayFactors = estimateDayFactors({ layout, baselines, groups, grids, declared });
  detection.detectMs += performance.now() - started;
  for (const [platformId, withCounts] of groups) {
    const baseline = baselines.get(platformId);
    if (!baseline) continue;
    detectPlatform(detection, layout, baseline, withCounts, dayFactors);
  }
  const incidents = groupIncidents(detection.scoped, MERGE_GAP_MINUTES * MIN);
  const windowEnd = sim.t0 + sim.minutes * MIN;
  return { ...detection, incidents, truth: sim.truth, windowEnd };
}


function matchRun(run: ReturnType<typeof detectAll>) {
  const options = { windowEnd: run.windowEnd, startSlackMs: 10 * MIN, endSlackMs: 30 * MIN };
  return matchIncidents({
    incidents: run.incidents,
    truths: run.truth,
    options: { ...options, decisionLagMs: MIN },
  });
}

function outageRun(baselines: Baselines, seed: number, scale: number): RunResult {
  const outages = randomScenarios({ seed, count: OUTAGES_PER_RUN, ...EVAL });
  const { scenarios, probes } = probeScenarios(seed, EVAL.start.getTime());
  const run = detectAll(baselines, EVAL, seed, scale, [...outages, ...scenarios]);
  const ramps = new Map(outages.flatMap((s) => s.outages).map((o) => [o.id, o.rampMinutes ?? 0]));
  const { outcomes, unmatched } = matchRun(run);
  return {
    outcomes,
    unmatched,
    incidents: run.incidents,
    ramps,
    probes,
    steps: run.steps,
    detectMs: run.detectMs,
    days: (run.windowEnd - EVAL.start.getTime()) / DAY,
  };
}

function cleanRun(
  baselines: Baselines,
  seed: number,
  scale: number,
): { incidents: Incident[]; days: number } {
  const run = detectAll(baselines, CLEAN, seed, scale, []);
  return { incidents: run.incidents, days: (run.windowEnd - CLEAN.start.getTime()) / DAY };
}

let replayBaselines: Baselines | null = null;

// Also replayed with the all-at-home level and no outage: any incident then is the level alone.
function replay(declared: DeclaredDay[] = []): Replay {
  replayBaselines ??= train(REPLAY_TRAIN, 7, 1);
  const scenario = scenario2021();
  const run = detectAll(replayBaselines, REPLAY, 8, 1, [scenario], declared);
  const levelOnly = detectAll(replayBaselines, REPLAY, 8, 1, [{ ...scenario, outages: [] }], declared);
  return { ...matchRun(run), levelOnly: levelOnly.incidents };
}

function describeSetup(runtimeSeconds: number): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return [
    `Training: simulated history ${day(TRAIN.start)} → ${day(TRAIN.end)} (8 weeks, staggered`,
    `winter holidays, ${TRAIN_OUTAGES} past outages). Outage runs: ${SEEDS.length} seeds`,
    `(${SEEDS.join(', ')}) ×`,
    `${OUTAGES_PER_RUN} random outages over ${day(EVAL.start)} → ${day(EVAL.end)}, plus one spam`,
    'burst (one device, 150 reports in 15 min) and one night trickle (3 people in 30 min) per run.',
    `Clean runs: ${CLEAN_SEEDS.length} × 4 normal school weeks (seeds ${CLEAN_SEEDS.join(', ')}).`,
    'Delays: minutes from true onset to',
    'the end of the deciding 1-min bucket. Series: each (platform, académie) and each',
    `multi-académie platform total. Runtime ${runtimeSeconds.toFixed(0)} s.`,
  ].join(' ');
}

function renderMarkdown(input: {
  summaries: ScaleSummary[];
  replay: Replay;
  declaredReplay: Replay;
  modes: ModeRow[];
  runtimeSeconds: number;
}): string {
  return [
    '# Detection bench',
    '',
    describeSetup(input.runtimeSeconds),
    '',
    renderSummaryTable(input.summaries),
    '',
    '## 2021-04-06 replay',
    '',
    'Baselines ×1.5 on 6–7 April (distance learning) with no outage implied.',
    '',
    renderReplay('Day factor estimated from the morning’s reports (nothing declared)', input.replay),
    '',
    renderReplay('6 and 7 April declared by an admin (factor 1.5, national)', input.declaredReplay),
    '',
    '## Traffic that is not the model',
    '',
    MODES_SETUP,
    '',
    renderModesTable(input.modes),
    '',
  ].join('\n');
}


function main(): void {
  const started = performance.now();
  if (args['replay-only'] || args['modes-only']) {
    const modes = args['modes-only'] ? runModesBench((line) => console.error(line)) : [];
    const replays = [renderReplay('Day factor estimated from the morning’s reports (nothing declared)', replay()), renderReplay('6 and 7 April declared by an admin (factor 1.5, national)', replay(DECLARED_2021))];
    const runtimeSeconds = (performance.now() - started) / 1000;
    const markdown = ['# Detection bench: traffic that is not the model', '', MODES_SETUP, '', renderModesTable(modes), '', '## 2021-04-06 replay', '', ...replays, '', `Runtime ${runtimeSeconds.toFixed(0)} s.`, ''].join('\n');
    console.log(markdown);
    if (args['modes-only']) {
      mkdirSync('bench/results', { recursive: true });
      writeFileSync('bench/results/detect-modes.md', markdown);
      writeFileSync('bench/results/detect-modes.json', JSON.stringify({ runtimeSeconds, modes }, null, 2));
    }
    return;
  }
  const summaries: ScaleSummary[] = [];
  for (const scale of SCALES) {
    const baselines = train(TRAIN, 1000 + Math.round(scale * 10), scale);
    const runs = SEEDS.map((seed) => outageRun(baselines, seed, scale));
    const clean = CLEAN_SEEDS.map((seed) => cleanRun(baselines, seed, scale));
    summaries.push(summarize(scale, runs, clean));
    console.error(`scale ${scale}: done at ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const replayResult = replay();
  const declaredReplay = replay(DECLARED_2021);
  const modes = runModesBench((line) => console.error(line));
  const runtimeSeconds = (performance.now() - started) / 1000;
  console.log(renderSummaryTable(summaries));
  const markdown = renderMarkdown({ summaries, replay: replayResult, declaredReplay, modes, runtimeSeconds });
  console.log(markdown.split('## 2021-04-06 replay')[1] ?? '');
  console.log(`runtime ${runtimeSeconds.toFixed(1)} s`);
  if (!PUBLISHED) {
    const seeds = `seeds ${SEEDS.join(',')}, clean seeds ${CLEAN_SEEDS.join(',')}`;
    console.log(`${seeds}: bench/results left as is`);
    return;
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/detect.json',
    JSON.stringify({ runtimeSeconds, seeds: SEEDS, cleanSeeds: CLEAN_SEEDS, summaries, modes }, null, 2),
  );
  writeFileSync('bench/results/detect.md', markdown);
}

main();
