/*
 * Seeded, deterministic traffic simulator (pure: no IO, no clock). Same options → same output.
 *   simulate(opts: SimulateOptions): { reports: SimReport[]; truth: OutageTruth[] }   chronological
 *   simulateIter(opts: SimulateOptions): Generator<SimReport>   same reports, streamed by minute
 *   simulateCounts(opts: SimulateOptions): SimCounts   distinct reporters per minute and per
 *     (platform, académie): background + outages + trickles; spam comes back as reports
 *   scenario2021(): Scenario                       6–7 April 2021 (doc lib/simulate/data)
 *   randomScenarios({ seed, count, start, end, scale?, platforms? }): Scenario[]   one per outage
 *   spamFlood({ platformId, academyId, at, count, durationMin }): Scenario   one source, no outage
 *   nightTrickle({ platformId, academyId, at, count?, spreadMin? }): Scenario   3 people, no outage
 * SimulateOptions = { start: Date; end: Date; seed: number; scale?: number; platforms?: string[];
 *   scenarios: Scenario[] }. Times are epoch ms; the window is widened to whole minutes.
 */
import { buildInjectedReports } from './injections';
import { buildProcesses, buildTruth, selectPlatforms, type CountProcess } from './processes';
import { createSourceId, pickCategory, pickComment, pickReporterRole } from './report-attrs';
import { applyLateBatches, calendarSurprises, placeTrafficEvents, type TrafficEvent } from './traffic-modes';
import type { OutageTruth, SimReport, SimulateOptions } from './types';
import { MINUTE_MS, toSimWindow, type SimWindow } from './usage-factors';

export type {
  BaselineWindow,
  OutageKind,
  OutageSpec,
  OutageTruth,
  ReportOrigin,
  Scenario,
  SimReport,
  SimulateOptions,
  SpamSpec,
  TrickleSpec,
} from './types';
export { nightTrickle, scenario2021, spamFlood } from './scenarios';
export { randomScenarios } from './random-scenarios';

/** knownAt: when each minute's count was complete (epoch ms, 0 = on time), set by late outbox batches. */
export type CountSeries = { platformId: string; academyId: string; counts: Uint16Array; knownAt?: Float64Array };
export type SimCounts = {
  /** Epoch ms of minute 0. */
  t0: number;
  minutes: number;
  series: CountSeries[];
  spam: SimReport[];
  truth: OutageTruth[];
  /** Bursts, level shifts and late batches of the traffic mode (none without a mode). */
  events: TrafficEvent[];
};

const MAX_COUNT = 65_535;

function prepare(opts: SimulateOptions) {
  const window = toSimWindow(opts.start, opts.end);
  const platforms = selectPlatforms(opts.platforms);
  const scale = opts.scale ?? 1;
  const { mode } = opts;
  const surprises = mode === 'calendar-surprises' ? [{ name: 'calendar-surprises', outages: [], baselineMultipliers: calendarSurprises(window) }] : [];
  const events = mode ? placeTrafficEvents(mode, window, opts.seed) : [];
  const scenarios = [...opts.scenarios, ...surprises];
  const input = { window, seed: opts.seed, scale, platforms, scenarios, mode, events };
  const platformIds = new Set(platforms.map((p) => p.id));
  return { window, platformIds, input, events, processes: buildProcesses(input) };
}

function materialize(process: CountProcess, t: number): SimReport {
  const rng = process.attrRng;
  const category = pickCategory(rng, process.kind);
  const report: SimReport = {
    t,
    platformId: process.platformId,
    academyId: process.academyId,
    source: createSourceId(rng),
    category,
    role: pickReporterRole(rng),
    origin: process.kind === null ? 'background' : 'outage',
  };
  const isOutage = process.kind !== null;
  const comment = pickComment({ rng, category, isOutage, since: process.since });
  if (comment !== undefined) report.comment = comment;
  if (process.outageId !== undefined) report.outageId = process.outageId;
  return report;
}

function collectMinute(
  processes: readonly CountProcess[],
  window: SimWindow,
  m: number,
): SimReport[] {
  const minuteStart = window.t0 + m * MINUTE_MS;
  const reports: SimReport[] = [];
  for (const process of processes) {
    if (m < process.from || m >= process.to) continue;
    const count = process.sampleCount(process.meanAt(m));
    for (let i = 0; i < count; i++) {
      const t = minuteStart + Math.floor(process.attrRng() * MINUTE_MS);
      reports.push(materialize(process, t));
    }
  }
  return reports;
}

type Prepared = ReturnType<typeof prepare>;

function* iterateReports(opts: SimulateOptions, prepared: Prepared): Generator<SimReport> {
  const { window, platformIds, processes } = prepared;
  const injected = buildInjectedReports({ ...opts, window, platformIds });
  let next = 0;
  for (let m = 0; m < window.minutes; m++) {
    const reports = collectMinute(processes, window, m);
    const minuteEnd = window.t0 + (m + 1) * MINUTE_MS;
    while (next < injected.length && (injected[next]?.t ?? minuteEnd) < minuteEnd) {
      const report = injected[next++];
      if (report) reports.push(report);
    }
    reports.sort((a, b) => a.t - b.t);
    yield* reports;
  }
}

/** Streams every simulated report in chronological order (epoch ms `t`), one minute at a time. */
export function simulateIter(opts: SimulateOptions): Generator<SimReport> {
  return iterateReports(opts, prepare(opts));
}

/** All reports (chronological) and the ground truth of the injected outages. */
export function simulate(opts: SimulateOptions): { reports: SimReport[]; truth: OutageTruth[] } {
  const prepared = prepare(opts);
  return { reports: [...iterateReports(opts, prepared)], truth: buildTruth(prepared.input) };
}

/** Per-minute distinct-reporter counts per served (platform, académie), equal to simulate()'s. */
export function simulateCounts(opts: SimulateOptions): SimCounts {
  const { window, platformIds, input, processes, events } = prepare(opts);
  const byKey = new Map<string, CountSeries>();
  function getSeries(platformId: string, academyId: string): CountSeries {
    const key = `${platformId}|${academyId}`;
    let series = byKey.get(key);
    if (!series) {
      series = { platformId, academyId, counts: new Uint16Array(window.minutes) };
      byKey.set(key, series);
    }
    return series;
  }
  for (const process of processes) {
    const { counts } = getSeries(process.platformId, process.academyId);
    for (let m = process.from; m < process.to; m++) {
      const count = process.sampleCount(process.meanAt(m));
      if (count > 0) counts[m] = Math.min(MAX_COUNT, (counts[m] ?? 0) + count);
    }
  }
  const injected = buildInjectedReports({ ...opts, window, platformIds });
  for (const report of injected.filter((r) => r.origin !== 'spam')) {
    const { counts } = getSeries(report.platformId, report.academyId);
    const m = Math.floor((report.t - window.t0) / MINUTE_MS);
    counts[m] = Math.min(MAX_COUNT, (counts[m] ?? 0) + 1);
  }
  const spam = injected.filter((r) => r.origin === 'spam');
  const truth = buildTruth(input);
  const series = [...byKey.values()];
  applyLateBatches(series, events, window);
  return { t0: window.t0, minutes: window.minutes, series, spam, truth, events };
}
