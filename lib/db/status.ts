import 'server-only';
import { statusFromIncidents } from '@/lib/domain/status';
import type { PlatformStatus } from '@/lib/domain/types';
import { getDb } from './client';
import { listOpenIncidents, type OpenIncidentSummary } from './incidents';

export type PlatformStatusMap = Map<string, { status: PlatformStatus; incidents: OpenIncidentSummary[] }>;

/** Status of every platform with an open incident (others are operational). */
export async function getPlatformStatuses(): Promise<PlatformStatusMap> {
  const open = await listOpenIncidents(getDb());
  const byPlatform = new Map<string, OpenIncidentSummary[]>();
  for (const incident of open) byPlatform.set(incident.platformId, [...(byPlatform.get(incident.platformId) ?? []), incident]);
  return new Map([...byPlatform].map(([id, incidents]) => [id, { status: statusFromIncidents(incidents), incidents }]));
}
