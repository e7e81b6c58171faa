import type { IncidentFilter } from '@/lib/db/incident-page';
import type { IncidentLevel, IncidentState } from '@/lib/domain/types';
import { parseInstant } from '@/lib/series/schema';
import { invalid, issue } from './http';

/** Incident filters from the query (API and /incidents page): `de`/`a` are optional bounds of overlap. */
export function parsePeriodFilter(
  q: { plateforme?: string; academie?: string; de?: string; a?: string; niveau?: IncidentLevel; etat?: IncidentState },
  _now: number,
): IncidentFilter {
  const from = q.de === undefined ? null : parseInstant(q.de);
  const to = q.a === undefined ? null : parseInstant(q.a);
  const issues = [...(q.de !== undefined && from === null ? [issue('de', 'from_invalid')] : []), ...(q.a !== undefined && to === null ? [issue('a', 'to_invalid')] : [])];
  if (issues.length > 0) throw invalid(issues);
  if (from !== null && to !== null && to <= from) throw invalid([issue('a', 'period_order')]);
  return {
    platformId: q.plateforme ?? null,
    academyId: q.academie ?? null,
    from: from === null ? null : new Date(from),
    to: to === null ? null : new Date(to),
    level: q.niveau ?? null,
    state: q.etat ?? null,
  };
}
