import type { Incident } from '@/lib/detect/incidents';

/** Injected outage (simulator ground truth), epoch ms. */
export type TruthOutage = {
  id: string;
  platformId: string;
  academies: readonly string[] | 'national';
  start: number;
  end: number;
  extraPerMinute: number;
};

export type OutageOutcome = {
  truth: TruthOutage;
  incidents: Incident[];
  /** First 'possible' or 'detected' decision minus true onset (ms); null when missed. */
  alarmDelayMs: number | null;
  detectedDelayMs: number | null;
  startErrorMs: number | null;
  endErrorMs: number | null;
};

/** decisionLagMs: a decision on bucket t is known at t + decisionLagMs (the bucket width). */
export type MatchOptions = {
  windowEnd: number;
  startSlackMs: number;
  endSlackMs: number;
  decisionLagMs: number;
};

function overlapsScope(incident: Incident, truth: TruthOutage): boolean {
  if (truth.academies === 'national' || incident.scopes.includes('national')) return true;
  return incident.scopes.some((scope) => truth.academies.includes(scope));
}

function overlapsTime(incident: Incident, truth: TruthOutage, options: MatchOptions): boolean {
  const end = incident.end ?? options.windowEnd;
  return (
    incident.start <= truth.end + options.endSlackMs && end >= truth.start - options.startSlackMs
  );
}

function minOf(values: (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length > 0 ? Math.min(...present) : null;
}

function toOutcome(
  truth: TruthOutage,
  incidents: Incident[],
  options: MatchOptions,
): OutageOutcome {
  const first = incidents[0];
  const last = incidents.at(-1);
  const alarm = minOf(incidents.map((incident) => incident.possibleAt ?? incident.detectedAt));
  const detected = minOf(incidents.map((incident) => incident.detectedAt));
  const truthEndsInside = truth.end < options.windowEnd;
  const lag = options.decisionLagMs;
  return {
    truth,
    incidents,
    alarmDelayMs: alarm === null ? null : alarm + lag - truth.start,
    detectedDelayMs: detected === null ? null : detected + lag - truth.start,
    startErrorMs: first ? first.start - truth.start : null,
    endErrorMs: last && last.end !== null && truthEndsInside ? last.end - truth.end : null,
  };
}

/**
 * Matches platform incidents to injected outages (same platform, overlapping scope, overlapping
 * time with slack); incidents matching no outage are false alarms.
 */
export function matchIncidents({
  incidents,
  truths,
  options,
}: {
  incidents: readonly Incident[];
  truths: readonly TruthOutage[];
  options: MatchOptions;
}): { outcomes: OutageOutcome[]; unmatched: Incident[] } {
  const matched = new Set<Incident>();
  const outcomes = truths.map((truth) => {
    const found = incidents.filter(
      (incident) =>
        incident.platformId === truth.platformId &&
        overlapsScope(incident, truth) &&
        overlapsTime(incident, truth, options),
    );
    for (const incident of found) matched.add(incident);
    return toOutcome(truth, found, options);
  });
  return { outcomes, unmatched: incidents.filter((incident) => !matched.has(incident)) };
}

/** Linear-interpolated quantile (q in [0, 1]) of the values; null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const a = sorted[lower] ?? 0;
  const b = sorted[Math.min(lower + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (position - lower);
}
