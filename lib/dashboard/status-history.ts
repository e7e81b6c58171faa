import type { IncidentLevel, IncidentState } from '@/lib/domain/types';

export type StatusLevel = 'degraded' | 'outage';
/** An interval [from, to) (epoch ms) during which a platform was perturbé (degraded) or en panne (outage). */
export type StatusInterval = { status: StatusLevel; from: number; to: number };

export type IncidentSpan = {
  level: IncidentLevel;
  state: IncidentState;
  startedAt: number;
  /** For a 'detected' incident, when it was confirmed as an outage; before that it was only possible. */
  detectedAt: number | null;
  endedAt: number | null;
};

const RANK: Record<StatusLevel, number> = { degraded: 1, outage: 2 };

function segmentsOf(incident: IncidentSpan, now: number): StatusInterval[] {
  if (incident.state === 'dismissed' || incident.state === 'merged') return [];
  const end = incident.endedAt ?? now;
  if (end <= incident.startedAt) return [];
  if (incident.level !== 'detected') return [{ status: 'degraded', from: incident.startedAt, to: end }];
  const confirmed = Math.min(Math.max(incident.detectedAt ?? incident.startedAt, incident.startedAt), end);
  return [
    ...(confirmed > incident.startedAt ? [{ status: 'degraded' as const, from: incident.startedAt, to: confirmed }] : []),
    ...(end > confirmed ? [{ status: 'outage' as const, from: confirmed, to: end }] : []),
  ];
}

/**
 * When a platform was perturbé or en panne within [from, to): the worst level of its incidents at
 * each instant (dismissed and merged incidents left out; open ones run to `now`), as disjoint,
 * sorted intervals.
 */
export function statusHistory(
  incidents: readonly IncidentSpan[],
  window: { from: number; to: number },
  now: number,
): StatusInterval[] {
  const segments = incidents
    .flatMap((i) => segmentsOf(i, now))
    .map((s) => ({ ...s, from: Math.max(s.from, window.from), to: Math.min(s.to, window.to) }))
    .filter((s) => s.to > s.from);
  const cuts = [...new Set(segments.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
  const out: StatusInterval[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k] ?? 0;
    const to = cuts[k + 1] ?? 0;
    let worst: StatusLevel | null = null;
    for (const s of segments) {
      if (s.from <= from && s.to >= to && (worst === null || RANK[s.status] > RANK[worst])) worst = s.status;
    }
    if (worst === null) continue;
    const last = out[out.length - 1];
    if (last && last.status === worst && last.to === from) last.to = to;
    else out.push({ status: worst, from, to });
  }
  return out;
}
