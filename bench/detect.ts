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
import { matchIncidents, type OutageOutcome } from '@/lib/detect/evaluation';
import { renderOutcomeTable, renderSummaryTable } from '@/lib/detect/evaluation-report';
import { groupIncidents, type Incident, type ScopedEpisodes } from '@/lib/detect/incidents';
import {
  createGridProvider,
  learnPlatformBaselines,
  type PlatformBaselines,
} from '@/lib/detect/platform-baseline';
import { MERGE_GAP_MINUTES } from '@/lib/detect/thresholds';
import type { CountPoint } from '@/lib/detect/types';
import { getSimPlatform } from '@/lib/simulate/catalog';
import {
  nightTrickle,
  randomScenarios,
  scenario2021,
  simulateCounts,
  spamFlood,
  type Scenario,
} from '@/lib/simulate/generate';
import { summarize, type RunResult, type ScaleSummary } from '@/lib/detect/evaluation-summary';
import { estimateDayFactors, type DeclaredDay } from '@/lib/detect/day-factor';
import { renderModesTable, runModesBench, type ModeRow } from './detect-modes';

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
const SPAM_PLATFORMS = [
  'pronote',
  'monlycee-net',
  'ecoledirecte',
  'ent-hauts-de-france',
  'skolengo',
];

const grids = createGridProvider();
const DECLARED_2021: DeclaredDay[] = [
  { date: '2021-04-06', academyId: null, factor: 1.5 },
  { date: '2021-04-07', academyId: null, factor: 1.5 },
];

/** "1,2,3" or "6-15" (or a mix: "1-3,7") → seeds; undefined → the published ones. */
function parseSeeds(text: string | undefined, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const seeds = text.split(',').flatMap((part) => {
    const [from = NaN, to = from] = part.split('-').map((value) => Number(value.trim()));
    if (!Number.isInteger(from) || !Number.isInteger(to) || to < from)
      throw new Error(`Bad seed list "${text}": use 1,2,3 or 6-15`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
  if (seeds.length === 0) throw new Error('Empty seed list');
  return seeds;
}

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

function probeScenarios(seed: number): { scenarios: Scenario[]; probes: RunResult['probes'] } {
  const platformId = SPAM_PLATFORMS[seed % SPAM_PLATFORMS.length] ?? 'pronote';
  const served = getSimPlatform(platformId).academies;
  const academyId = served[seed % served.length] ?? served[0] ?? 'paris';
  const day = EVAL.start.getTime() + (seed % 5) * DAY;
  const spamAt = day + 10 * 3_600_000;
  const trickleAt = day + 3 * 3_600_000;
  return {
    scenarios: [
      spamFlood({ platformId, academyId, at: spamAt, count: 150, durationMin: 15 }),
      nightTrickle({ platformId, academyId, at: trickleAt, count: 3, spreadMin: 30 }),
    ],
    probes: [
      { kind: 'spam', platformId, from: spamAt, to: spamAt + 75 * MIN },
      { kind: 'trickle', platformId, from: trickleAt, to: trickleAt + 60 * MIN },
    ],
  };
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
  const { scenarios, probes } = probeScenarios(seed);
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

type Replay = { outcomes: OutageOutcome[]; unmatched: Incident[]; levelOnly: Incident[] };

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

function renderReplay(title: string, result: Replay): string {
  return [
    `### ${title}`,
    '',
    `Same days with the ×1.5 level and no outage: ${result.levelOnly.length} incident(s), ${result.levelOnly.filter((i) => i.detectedAt !== null).length} « détectée »${result.levelOnly.map((i) => ` (${i.platformId} ${i.scopes.join('+')} ${new Date(i.detectedAt ?? i.start).toISOString().slice(5, 16)}Z)`).join('')}.`,
    '',
    renderOutcomeTable(result),
  ].join('\n');
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

const MODES_SETUP = [
  'Per (platform, académie) series and per platform total. Clean: 4 weeks without outages plus 2',
  'weeks with 20 random outages; each mode: 2 weeks with 20 random outages (overdispersed,',
  'drifting-shape and autocorrelated also in the 8 training weeks). A false alarm is a series',
  'episode overlapping no injected outage of that series (10 min before, 30 min after); level',
  'shifts set aside by the detector for moderators are counted apart. Comparison: plain seasonal',
  'NB tail test (5-min window sum against the same learned seasonal means and dispersion, -log10 p',
  '≥ 6 possible, ≥ 9 detected, no ratio, reporter, day or level guard).',
].join(' ');

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
