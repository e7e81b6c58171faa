import type { IncidentLevel } from '@/lib/domain/types';
import type { IncidentSummary } from './types';
import type { IncidentRecord } from '@/lib/domain/map-state';

export type { IncidentRecord };

export function isOpenAt(incident: Pick<IncidentRecord, 'startedAt' | 'endedAt'>, at: Date): boolean {
  const t = at.getTime();
  return incident.startedAt.getTime() <= t && (incident.endedAt === null || incident.endedAt.getTime() > t);
}

/** Level at `at`: 'detected' only once the detector had raised it (stored detectedAt ≤ at). */
export function levelAt(incident: Pick<IncidentRecord, 'level' | 'detectedAt'>, at: Date): IncidentLevel {
  const raised = incident.level === 'detected' && incident.detectedAt !== null && incident.detectedAt.getTime() <= at.getTime();
  return raised ? 'detected' : 'possible';
}

/**
 * The incident as it was at `at`, or null when it was not open then: level at that time, académies
 * joined by then (a national incident covers every académie the platform serves), not yet ended.
 */
export function incidentAt(incident: IncidentRecord, at: Date, served: readonly string[]): IncidentSummary | null {
  if (!isOpenAt(incident, at)) return null;
  const level = levelAt(incident, at);
  const joined = incident.academies.filter((a) => a.joinedAt.getTime() <= at.getTime()).map((a) => a.academyId);
  const academies = [...new Set(incident.national ? [...served, ...joined] : joined)].sort();
  return {
    id: incident.id,
    platformId: incident.platformId,
    level,
    startedAt: incident.startedAt.toISOString(),
    detectedAt: level === 'detected' && incident.detectedAt ? incident.detectedAt.toISOString() : null,
    endedAt: null,
    national: incident.national,
    academies,
  };
}
