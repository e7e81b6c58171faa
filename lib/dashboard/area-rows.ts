import type { IncidentLevel } from '@/lib/domain/types';
import type { IncidentListItem } from '@/lib/domain/dashboard';

/** One row of an "affected" table: an académie (platform page) or a platform (académie page). */
export type AreaRow = {
  id: string;
  reporters: number;
  /** Expected distinct reporters over the same window, null without a baseline. */
  expected: number | null;
  /** observed / expected (expected floored at 0.5 so a quiet area's single report is not "× 20"). */
  ratio: number | null;
  /** Worst level of the incidents that overlap the window here, null if none. */
  level: IncidentLevel | null;
  /** Whether one of those incidents is still open. */
  open: boolean;
};

const EXPECTED_FLOOR = 0.5;
const LEVEL_RANK: Record<IncidentLevel, number> = { possible: 1, detected: 2 };

/** Incidents that count for the status: not dismissed nor merged into another. */
export function isActiveIncident(incident: Pick<IncidentListItem, 'state'>): boolean {
  return incident.state === 'open' || incident.state === 'closed';
}

/**
 * Rows for every id with reporters or an incident: those under an open incident first (outage,
 * then possible), then past incidents, then by how far above the baseline, then by volume.
 */
export function rankAreas(input: {
  reporters: ReadonlyMap<string, number>;
  expected: ReadonlyMap<string, number> | null;
  incidents: ReadonlyArray<{ ids: readonly string[]; level: IncidentLevel; open: boolean }>;
}): AreaRow[] {
  const level = new Map<string, IncidentLevel>();
  const open = new Set<string>();
  for (const incident of input.incidents) {
    for (const id of incident.ids) {
      const current = level.get(id);
      if (!current || LEVEL_RANK[incident.level] > LEVEL_RANK[current]) level.set(id, incident.level);
      if (incident.open) open.add(id);
    }
  }
  const ids = new Set([...[...input.reporters].filter(([, n]) => n > 0).map(([id]) => id), ...level.keys()]);
  const rows = [...ids].map((id): AreaRow => {
    const reporters = input.reporters.get(id) ?? 0;
    const expected = input.expected ? (input.expected.get(id) ?? 0) : null;
    return {
      id,
      reporters,
      expected,
      ratio: expected === null ? null : reporters / Math.max(expected, EXPECTED_FLOOR),
      level: level.get(id) ?? null,
      open: open.has(id),
    };
  });
  const rank = (r: AreaRow) => (r.open ? 10 : 0) + (r.level ? LEVEL_RANK[r.level] : 0);
  return rows.sort((a, b) => rank(b) - rank(a) || (b.ratio ?? 0) - (a.ratio ?? 0) || b.reporters - a.reporters || a.id.localeCompare(b.id));
}
