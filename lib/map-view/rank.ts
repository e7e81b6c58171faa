import type { PlatformStatus } from '@/lib/domain/types';
import { isNationwideOutage } from '@/lib/map-state/local-severity';
import { SEVERITY_ORDER } from '@/lib/map-state/severity';
import type { AcademyState, PlatformSummary, Severity } from '@/lib/map-state/types';

export const STATUS_ORDER: Record<PlatformStatus, number> = { operational: 0, degraded: 1, outage: 2 };

export type AcademySortKey = 'severity' | 'name' | 'reporters';
export type SortDirection = 'asc' | 'desc';

type RankedAcademy = Pick<AcademyState, 'severity' | 'intensity' | 'reporters'> & { name: string; served?: boolean };

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

function severityRank(a: RankedAcademy): number {
  return a.served === false ? -1 : SEVERITY_ORDER[a.severity];
}

const COMPARE: Record<AcademySortKey, (a: RankedAcademy, b: RankedAcademy) => number> = {
  severity: (a, b) => severityRank(a) - severityRank(b) || a.intensity - b.intensity || a.reporters - b.reporters,
  reporters: (a, b) => a.reporters - b.reporters || severityRank(a) - severityRank(b),
  name: (a, b) => collator.compare(a.name, b.name),
};

/**
 * Académies in table order: by default most severe first (then stronger intensity, more reporters);
 * `asc` reverses the key (names sort A→Z ascending); names A→Z break ties.
 */
export function sortAcademies<T extends RankedAcademy>(rows: readonly T[], key: AcademySortKey = 'severity', direction: SortDirection = 'desc'): T[] {
  const sign = direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => sign * COMPARE[key](a, b) || collator.compare(a.name, b.name));
}

/** Platforms in trouble first (outage, then possible problem), then the most académies and reporters. */
export function sortPlatforms<T extends Pick<PlatformSummary, 'status' | 'academyCount' | 'reporters'> & { name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      STATUS_ORDER[b.status] - STATUS_ORDER[a.status] ||
      b.academyCount - a.academyCount ||
      b.reporters - a.reporters ||
      collator.compare(a.name, b.name),
  );
}

/**
 * The headline: detected outages first, national ones before regional ones, then by académies and
 * reporters concerned; « problème possible » after, ordered the same way.
 */
export function headlinePlatforms(platforms: readonly PlatformSummary[]): PlatformSummary[] {
  return platforms
    .filter((p) => p.status !== 'operational')
    .sort(
      (a, b) =>
        STATUS_ORDER[b.status] - STATUS_ORDER[a.status] ||
        Number(b.national) - Number(a.national) ||
        b.academyCount - a.academyCount ||
        b.reporters - a.reporters ||
        Date.parse(a.since ?? '') - Date.parse(b.since ?? '') ||
        a.platformId.localeCompare(b.platformId),
    );
}

/** Nationwide outages (own strip above the map, left out of the académies' colour), in headline order. */
export function nationalPlatforms(platforms: readonly PlatformSummary[], academyTotal: number): PlatformSummary[] {
  return headlinePlatforms(platforms).filter((p) => isNationwideOutage(p, academyTotal));
}

/** How many académies are at each level (unserved ones aside). */
export function countBySeverity(academies: ReadonlyArray<Pick<AcademyState, 'severity' | 'served'>>): Record<Severity, number> {
  const counts: Record<Severity, number> = { normal: 0, perturbe: 0, panne: 0 };
  for (const a of academies) if (a.served !== false) counts[a.severity] += 1;
  return counts;
}
