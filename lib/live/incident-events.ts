import type { ChangedIncident } from '@/lib/db/live';
import { incidentAt, type IncidentRecord } from '@/lib/map-state/incident-at';
import type { IncidentSummary } from '@/lib/map-state/types';
import type { LiveEvent } from './types';

export type { ChangedIncident };

function endedSummary(record: IncidentRecord, now: Date): IncidentSummary {
  return {
    id: record.id,
    platformId: record.platformId,
    level: record.level,
    startedAt: record.startedAt.toISOString(),
    detectedAt: record.detectedAt?.toISOString() ?? null,
    endedAt: (record.endedAt ?? now).toISOString(),
    national: record.national,
    academies: record.academies.map((a) => a.academyId).sort(),
  };
}

/** What was last announced per incident: its row's update time and the announced content. */
export type Announced = Map<string, { updatedAt: number; content: string }>;

/**
 * Live events for incident rows changed since the last look (`seen` is updated in place): an
 * incident delta for open or closed ones (as of `now`), one resync for dismissals and merges (they
 * remove an incident and may move counts). A row touched without a visible change (the detector
 * refreshes the figures of open incidents every minute) announces nothing.
 */
export function incidentEvents(rows: readonly ChangedIncident[], seen: Announced, now: Date): LiveEvent[] {
  const events: LiveEvent[] = [];
  let resync = false;
  for (const row of rows) {
    const id = row.record.id;
    if (seen.get(id)?.updatedAt === row.updatedAt) continue;
    const gone = row.state === 'dismissed' || row.state === 'merged';
    const open = row.state === 'open' ? incidentAt({ ...row.record, endedAt: null }, now, row.served) : null;
    const event: LiveEvent | null = gone ? null : { kind: 'incident', incident: open ?? endedSummary(row.record, now) };
    const content = event ? JSON.stringify(event) : row.state;
    const unchanged = seen.get(id)?.content === content;
    seen.set(id, { updatedAt: row.updatedAt, content });
    if (unchanged) continue;
    if (event) events.push(event);
    else resync = true;
  }
  return resync ? [...events, { kind: 'resync' }] : events;
}
