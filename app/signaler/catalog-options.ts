import 'server-only';
import { listAcademies, listPlatforms } from '@/lib/db/catalog';
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
