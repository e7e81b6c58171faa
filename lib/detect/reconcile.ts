import type { Incident } from './incidents';
import type { IncidentChange, PersistedIncident } from '@/lib/domain/detection';

export type { IncidentChange, PersistedIncident };

function overlaps(p: PersistedIncident, d: Incident, now: number, gapMs: number): boolean {
  return d.start <= (p.endedAt ?? now) + gapMs && (d.end ?? now) >= p.startedAt - gapMs;
}

/**
 * Turns one detection run over [windowStart, now] into changes to the stored incidents (epoch ms).
 * Moderator decisions win: dismissed or merged incidents absorb their episodes without change.
 * An open incident that no detected incident matches any more is closed at `now`.
 */
export function reconcileIncidents(input: {
  persisted: PersistedIncident[];
  detected: Incident[];
  now: number;
  mergeGapMs: number;
}): IncidentChange[] {
  const { persisted, detected, now, mergeGapMs } = input;
  const changes: IncidentChange[] = [];
  const matched = new Set<string>();
  for (const d of detected) {
    const candidates = persisted.filter((p) => p.platformId === d.platformId && overlaps(p, d, now, mergeGapMs));
    const target = candidates.sort((a, b) => a.startedAt - b.startedAt)[0];
    if (!target) {
      changes.push({ kind: 'create', detected: d });
      continue;
    }
    for (const c of candidates) matched.add(c.id);
    if (target.state === 'dismissed' || target.state === 'merged') continue;
    const joined = d.scopes.filter((s) => !target.scopes.includes(s));
    const raised = target.level === 'possible' && d.level === 'detected';
    const closed = target.state === 'open' && d.end !== null;
    const reopened = target.state === 'closed' && d.end === null;
    if (joined.length || raised || closed || reopened || d.end !== target.endedAt) {
      changes.push({ kind: 'update', id: target.id, detected: d, joined, raised, closed, reopened });
    }
  }
  for (const p of persisted) {
    if (p.state === 'open' && !matched.has(p.id)) changes.push({ kind: 'close', id: p.id, at: now });
  }
  return changes;
}
