import { quantile, type OutageOutcome } from './evaluation';
import type { Incident } from '@/lib/detect/incidents';

const MIN = 60_000;
const MONTH_DAYS = 30;

/** Spam burst or night trickle injected in a run; an incident over [from, to) is a false alarm. */
export type Probe = { kind: 'spam' | 'trickle'; platformId: string; from: number; to: number };

export type RunResult = {
  outcomes: OutageOutcome[];
  unmatched: Incident[];
  incidents: Incident[];
  /** Ramp length (minutes) of each injected outage, by truth id. */
  ramps: Map<string, number>;
  probes: Probe[];
  steps: number;
  detectMs: number;
  days: number;
};

export type CleanRun = { incidents: Incident[]; days: number };

export type DelayBand = 'strong' | 'medium' | 'weak' | 'strongAbrupt' | 'mediumAbrupt';

/** Median and 95th percentile in minutes over n values. */
export type DelayStats = { n: number; median: number | null; p95: number | null };

export type ScaleSummary = {
  scale: number;
  outages: number;
  recall: number;
  recallDetected: number;
  alarmDelay: Record<DelayBand, DelayStats>;
  detectedDelay: Record<DelayBand, DelayStats>;
  startWithin10: number;
  endWithin30: number;
  exactlyOneIncident: number;
  incidentsPerOutage: number;
  /** Outages overlapping another of the same platform (one incident covers both): left out of the
   * start, end and one-incident rates. */
  concurrentOutages: number;
  precision: number;
  cleanDays: number;
  falsePossiblePerMonth: number;
  falseDetectedPerMonth: number;
  /** Incidents of the outage runs matching no outage (probes included), per 30 days. */
  unmatchedPossiblePerMonth: number;
  unmatchedDetectedPerMonth: number;
  probes: {
    spamRuns: number;
    spamAlarms: number;
    trickleRuns: number;
    trickleAlarms: number;
    trickleDetected: number;
  };
  seriesBucketsPerSecond: number;
};

function stats(values: number[]): DelayStats {
  const minutes = values.map((v) => v / MIN);
  return { n: minutes.length, median: quantile(minutes, 0.5), p95: quantile(minutes, 0.95) };
}

function share(items: readonly unknown[], total: number): number {
  return total > 0 ? items.length / total : 0;
}

type Band = 'strong' | 'medium' | 'weak';

function bandOf(outcome: OutageOutcome): Band {
  if (outcome.truth.extraPerMinute >= 5) return 'strong';
  return outcome.truth.extraPerMinute >= 2 ? 'medium' : 'weak';
}

function delayTable(
  outcomes: OutageOutcome[],
  ramps: Map<string, number>,
  pick: (o: OutageOutcome) => number | null,
): Record<DelayBand, DelayStats> {
  const isAbrupt = (o: OutageOutcome) => (ramps.get(o.truth.id) ?? 0) === 0;
  const values = (filter: (o: OutageOutcome) => boolean) =>
    outcomes.filter(filter).flatMap((o) => {
      const value = pick(o);
      return value === null ? [] : [value];
    });
  return {
    strong: stats(values((o) => bandOf(o) === 'strong')),
    medium: stats(values((o) => bandOf(o) === 'medium')),
    weak: stats(values((o) => bandOf(o) === 'weak')),
    strongAbrupt: stats(values((o) => bandOf(o) === 'strong' && isAbrupt(o))),
    mediumAbrupt: stats(values((o) => bandOf(o) === 'medium' && isAbrupt(o))),
  };
}

function probeAlarms(runs: RunResult[], kind: Probe['kind']): Incident[] {
  return runs.flatMap((run) =>
    run.probes
      .filter((probe) => probe.kind === kind)
      .flatMap((probe) =>
        run.unmatched.filter(
          (i) =>
            i.platformId === probe.platformId &&
            i.start < probe.to &&
            (i.end ?? Infinity) > probe.from,
        ),
      ),
  );
}

const CONCURRENCY_MARGIN_MS = 30 * MIN;

function isConcurrent(outcome: OutageOutcome, all: readonly OutageOutcome[]): boolean {
  const { truth } = outcome;
  return all.some(
    (other) =>
      other !== outcome &&
      other.truth.platformId === truth.platformId &&
      other.truth.start < truth.end + CONCURRENCY_MARGIN_MS &&
      other.truth.end > truth.start - CONCURRENCY_MARGIN_MS,
  );
}

function qualityRates(found: OutageOutcome[]) {
  const ended = found.filter((o) => o.endErrorMs !== null);
  return {
    startWithin10: share(
      found.filter((o) => Math.abs(o.startErrorMs ?? Infinity) <= 10 * MIN),
      found.length,
    ),
    endWithin30: share(
      ended.filter((o) => Math.abs(o.endErrorMs ?? Infinity) <= 30 * MIN),
      ended.length,
    ),
    exactlyOneIncident: share(
      found.filter((o) => o.incidents.length === 1),
      found.length,
    ),
    incidentsPerOutage:
      found.length > 0 ? found.reduce((sum, o) => sum + o.incidents.length, 0) / found.length : 0,
  };
}

function falseAlarmRates(clean: CleanRun[]) {
  const incidents = clean.flatMap((run) => run.incidents);
  const cleanDays = clean.reduce((sum, run) => sum + run.days, 0);
  const perMonth = (level: Incident['level']) => {
    const count = incidents.filter((i) => i.level === level).length;
    return cleanDays > 0 ? (count * MONTH_DAYS) / cleanDays : 0;
  };
  return {
    cleanDays,
    falsePossiblePerMonth: perMonth('possible'),
    falseDetectedPerMonth: perMonth('detected'),
  };
}

function unmatchedRates(runs: RunResult[]) {
  const unmatched = runs.flatMap((run) => run.unmatched);
  const days = runs.reduce((sum, run) => sum + run.days, 0);
  const perMonth = (level: Incident['level']) => {
    const count = unmatched.filter((i) => i.level === level).length;
    return days > 0 ? (count * MONTH_DAYS) / days : 0;
  };
  return {
    unmatchedPossiblePerMonth: perMonth('possible'),
    unmatchedDetectedPerMonth: perMonth('detected'),
  };
}

function probeSummary(runs: RunResult[]): ScaleSummary['probes'] {
  const trickles = probeAlarms(runs, 'trickle');
  return {
    spamRuns: runs.length,
    spamAlarms: probeAlarms(runs, 'spam').length,
    trickleRuns: runs.length,
    trickleAlarms: trickles.length,
    trickleDetected: trickles.filter((i) => i.level === 'detected').length,
  };
}

/** Aggregates outage runs and clean runs of one scale into the bench metrics. */
export function summarize(scale: number, runs: RunResult[], clean: CleanRun[]): ScaleSummary {
  const outcomes = runs.flatMap((run) => run.outcomes);
  const ramps = new Map(runs.flatMap((run) => [...run.ramps]));
  const concurrent = new Set(
    runs.flatMap((run) => run.outcomes.filter((o) => isConcurrent(o, run.outcomes))),
  );
  const incidents = runs.flatMap((run) => run.incidents);
  const unmatched = runs.flatMap((run) => run.unmatched);
  const steps = runs.reduce((sum, run) => sum + run.steps, 0);
  const detectMs = runs.reduce((sum, run) => sum + run.detectMs, 0);
  return {
    scale,
    outages: outcomes.length,
    recall: share(
      outcomes.filter((o) => o.incidents.length > 0),
      outcomes.length,
    ),
    recallDetected: share(
      outcomes.filter((o) => o.detectedDelayMs !== null),
      outcomes.length,
    ),
    alarmDelay: delayTable(outcomes, ramps, (o) => o.alarmDelayMs),
    detectedDelay: delayTable(outcomes, ramps, (o) => o.detectedDelayMs),
    ...qualityRates(outcomes.filter((o) => o.incidents.length > 0 && !concurrent.has(o))),
    concurrentOutages: concurrent.size,
    precision: incidents.length > 0 ? 1 - unmatched.length / incidents.length : 1,
    ...falseAlarmRates(clean),
    ...unmatchedRates(runs),
    probes: probeSummary(runs),
    seriesBucketsPerSecond: detectMs > 0 ? (steps / detectMs) * 1000 : 0,
  };
}
