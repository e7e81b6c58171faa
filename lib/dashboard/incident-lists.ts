import type { IncidentListItem } from '@/lib/domain/dashboard';

/** One list from several reads: each incident once, open ones first, then newest first. */
export function mergeIncidentLists(...lists: ReadonlyArray<readonly IncidentListItem[]>): IncidentListItem[] {
  const byId = new Map<string, IncidentListItem>();
  for (const list of lists) for (const incident of list) byId.set(incident.id, incident);
  return [...byId.values()].sort(
    (a, b) => Number(b.state === 'open') - Number(a.state === 'open') || b.startedAt - a.startedAt || a.id.localeCompare(b.id),
  );
}
