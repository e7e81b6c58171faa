import 'server-only';
import { listAcademies, listPlatforms } from '@/lib/db/catalog';
import { getMapState } from '@/lib/map-state/get-map-state';
import type { AcademyOption, PlatformOption } from '@/lib/report-client/platform-choices';
import { sortAcademies } from '@/lib/report-client/platform-choices';

export type ReportCatalog = { academies: AcademyOption[]; platforms: PlatformOption[] };

/** Only what the form needs from the catalogue, so the page payload stays small. */
export async function loadReportCatalog(): Promise<ReportCatalog> {
  const [academies, platforms] = await Promise.all([listAcademies(), listPlatforms()]);
  return {
    academies: sortAcademies(academies.map(({ id, name }) => ({ id, name }))),
    platforms: platforms.map(({ id, name, kind, scope, academies: served, domains, aliases }) => ({
      id,
      name,
      kind,
      scope,
      academies: served,
      domains,
      aliases,
    })),
  };
}

const SEVERITY_RANK = { panne: 2, perturbe: 1, normal: 0 } as const;

/**
 * Services in trouble now in each académie (most severe, then most reported, first), from the live
 * map state; an empty map when the state cannot be read (the form never waits on it).
 */
export async function loadTroubledPlatforms(): Promise<Record<string, string[]>> {
  try {
    const state = await getMapState();
    return Object.fromEntries(
      state.academies
        .map((a) => [
          a.academyId,
          a.platforms
            .filter((p) => p.severity !== 'normal')
            .sort((x, y) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] || y.reporters - x.reporters)
            .map((p) => p.platformId),
        ] as const)
        .filter(([, ids]) => ids.length > 0),
    );
  } catch {
    return {};
  }
}
