/*
 * Misspecified traffic for bench:detect: for clean traffic and for each mode of
 * lib/simulate/traffic-modes.ts, the production detector and a plain seasonal NB tail test are
 * scored per series (outages found, delay to 'detected', false 'detected' per 100 series-days,
 * false 'possible' per series-day). Imported by bench/detect.ts, which writes the tables.
 */
import { expectedOnGrid } from '@/lib/detect/baseline';
import type { OutageOutcome, TruthOutage } from '@/bench/lib/detect-eval/evaluation';
import { renderOutcomeTable } from '@/bench/lib/detect-eval/evaluation-report';
import type { Incident, ScopedEpisodes } from '@/lib/detect/incidents';
import { detectPlainNb, PLAIN_NB_DEFAULTS } from '@/bench/lib/detect-eval/plain-nb-detector';
import { createGridProvider, expectedTotalOnLayout, learnPlatformBaselines, type PlatformBaselines } from '@/lib/detect/platform-baseline';
import { detectPlatformWindow } from '@/lib/detect/run-platform';
import { mergeScores, scoreSeriesEpisodes, summarizeScores, type SeriesScores } from '@/bench/lib/detect-eval/series-scores';
import { estimateDayFactors } from '@/lib/detect/day-factor';
import { randomScenarios, simulateCounts, type CountSeries } from '@/lib/simulate/generate';
import { TRAFFIC_MODES, type TrafficMode } from '@/lib/simulate/traffic-modes';

const MIN = 60_000;
const span = (from: string, to: string) => ({ start: new Date(from), end: new Date(to) });
const TRAIN = span('2021-01-11T00:00:00+01:00', '2021-03-08T00:00:00+01:00');
const EVAL = span('2021-03-08T00:00:00+01:00', '2021-03-22T00:00:00+01:00');
const CLEAN = span('2021-03-08T00:00:00+01:00', '2021-04-05T00:00:00+02:00');
const OUTAGES = 20;
const TRAINING_MODES: ReadonlySet<TrafficMode> = new Set(['overdispersed', 'drifting-shape', 'autocorrelated']);
const grids = createGridProvider();

type Baselines = Map<string, PlatformBaselines>;
export type ModeRow = { mode: string; production: SeriesScores; plain: SeriesScores; runtimeSeconds: number };

function byPlatform(series: readonly CountSeries[]): Map<string, CountSeries[]> {
  const groups = new Map<string, CountSeries[]>();
  for (const s of series) groups.set(s.platformId, [...(groups.get(s.platformId) ?? []), s]);
  return groups;
}

function train(mode: TrafficMode | undefined, seed: number): Baselines {
  const scenarios = randomScenarios({ seed, count: 20, ...TRAIN });
  const sim = simulateCounts({ ...TRAIN, seed, scenarios, mode });
  const baselines: Baselines = new Map();
  for (const [platformId, series] of byPlatform(sim.series)) {
    const histories = series.map((s) => ({ academyId: s.academyId, history: { t0: sim.t0, bucketMs: MIN, counts: s.counts } }));
    baselines.set(platformId, learnPlatformBaselines({ histories, grids }));
  }
  return baselines;
}

function plainEpisodes(layout: { t0: number; bucketMs: number; length: number }, baseline: PlatformBaselines, series: CountSeries[]): ScopedEpisodes[] {
  const run = (counts: ArrayLike<number>, means: Float64Array, dispersion: number) =>
    detectPlainNb({
      points: Array.from({ length: layout.length }, (_, i) => ({ t: layout.t0 + i * MIN, count: counts[i] ?? 0 })),
      expected: (i) => ({ mean: means[i] ?? 0, dispersion }),
      config: { ...PLAIN_NB_DEFAULTS, bucketMs: MIN },
    });
  const platformId = series[0]?.platformId ?? '';
  const scoped: ScopedEpisodes[] = [];
  const total = new Float64Array(layout.length);
  for (const { academyId, counts } of series) {
    counts.forEach((c, i) => (total[i] = (total[i] ?? 0) + c));
    const model = baseline.academies[academyId];
    if (model) scoped.push({ platformId, scope: academyId, episodes: run(counts, expectedOnGrid(model, grids(academyId, layout)).means, model.dispersion) });
  }
  if (series.length > 1) scoped.push({ platformId, scope: 'national', episodes: run(total, expectedTotalOnLayout(baseline, layout, grids).means, baseline.totalDispersion) });
  return scoped;
}

function evaluate(baselines: Baselines, mode: TrafficMode | undefined, window: { start: Date; end: Date }, seed: number, outages: number) {
  const scenarios = outages > 0 ? randomScenarios({ seed, count: outages, ...window }) : [];
  const sim = simulateCounts({ ...window, seed, scenarios, mode });
  const layout = { t0: sim.t0, bucketMs: MIN, length: sim.minutes };
  const groups = byPlatform(sim.series);
  const dayFactors = estimateDayFactors({ layout, baselines, groups, grids });
  const production: ScopedEpisodes[] = [];
  const plain: ScopedEpisodes[] = [];
  for (const [platformId, series] of groups) {
    const baseline = baselines.get(platformId);
    if (!baseline) continue;
    production.push(...detectPlatformWindow({ platformId, layout, baselines: baseline, series, grids, dayFactors }));
    plain.push(...plainEpisodes(layout, baseline, series));
  }
  const seriesCount = production.length;
  const windowEnd = sim.t0 + sim.minutes * MIN;
  const options = { windowEnd, seriesDays: (seriesCount * sim.minutes) / 1440, startSlackMs: 10 * MIN, endSlackMs: 30 * MIN, decisionLagMs: MIN };
  const truths: TruthOutage[] = sim.truth;
  return {
    production: scoreSeriesEpisodes({ scoped: production, truths, options }),
    plain: scoreSeriesEpisodes({ scoped: plain, truths, options }),
  };
}

/** Clean traffic (4 weeks without outages, 2 weeks with) and each mode (2 weeks with outages). */
export function runModesBench(log: (line: string) => void = () => {}): ModeRow[] {
  const cleanBaselines = train(undefined, 501);
  const rows: ModeRow[] = [];
  const started = performance.now();
  const clean = [evaluate(cleanBaselines, undefined, CLEAN, 511, 0), evaluate(cleanBaselines, undefined, EVAL, 512, OUTAGES)];
  rows.push({ mode: 'clean', production: mergeScores(clean.map((r) => r.production)), plain: mergeScores(clean.map((r) => r.plain)), runtimeSeconds: (performance.now() - started) / 1000 });
  log(`clean done in ${rows[0]?.runtimeSeconds.toFixed(0)} s`);
  for (const [i, mode] of TRAFFIC_MODES.entries()) {
    const t = performance.now();
    const baselines = TRAINING_MODES.has(mode) ? train(mode, 601 + i) : cleanBaselines;
    const run = evaluate(baselines, mode, EVAL, 701 + i, OUTAGES);
    rows.push({ mode, ...run, runtimeSeconds: (performance.now() - t) / 1000 });
    log(`${mode} done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  return rows;
}

const fmt = (value: number | null, digits = 1) => (value === null ? '–' : value.toFixed(digits));

/** Markdown table: one row per traffic × detector. */
export function renderModesTable(rows: readonly ModeRow[]): string {
  const lines = [
    '| traffic | detector | outages found | delay to « détectée » median / p95 (min) | false « détectée » / 100 series-days | false « possible » / series-day | level shifts flagged | « détectée » late (announced on arrival) | series-days |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    for (const [name, scores] of [['production', row.production], ['plain NB tail test', row.plain]] as const) {
      const s = summarizeScores(scores);
      lines.push(`| ${row.mode} | ${name} | ${s.found} | ${fmt(s.delayMedian)} / ${fmt(s.delayP95)} | ${fmt(s.falseDetectedPer100SeriesDays, 3)} | ${fmt(s.falsePossiblePerSeriesDay, 4)} | ${scores.levelShifts} | ${scores.lateDetected} | ${Math.round(scores.seriesDays)} |`);
    }
  }
  return lines.join('\n');
}


export type Replay = { outcomes: OutageOutcome[]; unmatched: Incident[]; levelOnly: Incident[] };

export function renderReplay(title: string, result: Replay): string {
  return [
    `### ${title}`,
    '',
    `Same days with the ×1.5 level and no outage: ${result.levelOnly.length} incident(s), ${result.levelOnly.filter((i) => i.detectedAt !== null).length} « détectée »${result.levelOnly.map((i) => ` (${i.platformId} ${i.scopes.join('+')} ${new Date(i.detectedAt ?? i.start).toISOString().slice(5, 16)}Z)`).join('')}.`,
    '',
    renderOutcomeTable(result),
  ].join('\n');
}

export const MODES_SETUP = [
  'Per (platform, académie) series and per platform total. Clean: 4 weeks without outages plus 2',
  'weeks with 20 random outages; each mode: 2 weeks with 20 random outages (overdispersed,',
  'drifting-shape and autocorrelated also in the 8 training weeks). A false alarm is a series',
  'episode overlapping no injected outage of that series (10 min before, 30 min after); level',
  'shifts set aside by the detector for moderators are counted apart. Comparison: plain seasonal',
  'NB tail test (5-min window sum against the same learned seasonal means and dispersion, -log10 p',
  '≥ 6 possible, ≥ 9 detected, no ratio, reporter, day or level guard).',
].join(' ');
