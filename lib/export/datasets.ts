import type { CountRow } from '@/lib/db/aggregates';
import type { PublicReport } from '@/lib/db/public-reports';
import type { PrismaClient } from '@/lib/db/types';
import { countPages, reportPages, type CountFilter, type ReportFilter } from './pages';
import type { Column, ExportSource, GeoGroup } from './stream';

/** An académie's polygon (GeoJSON geometry) and name, for the GeoJSON exports. */
export type AcademyShape = { academyId: string; name: string; geometry: unknown };

export const COUNT_COLUMNS: readonly Column<CountRow>[] = [
  { name: 'debut', value: (r) => r.bucket.toISOString() },
  { name: 'plateforme', value: (r) => r.platformId },
  { name: 'academie', value: (r) => r.academyId },
  { name: 'probleme', value: (r) => r.category },
  { name: 'signalements', value: (r) => r.reports },
  { name: 'signalants', value: (r) => r.reporters },
];

export const REPORT_COLUMNS: readonly Column<PublicReport>[] = [
  { name: 'id', value: (r) => r.id },
  { name: 'date', value: (r) => r.createdAt.toISOString() },
  { name: 'plateforme', value: (r) => r.platformId },
  { name: 'academie', value: (r) => r.academyId },
  { name: 'probleme', value: (r) => r.category },
  { name: 'role', value: (r) => r.role },
  { name: 'commentaire', value: (r) => r.comment },
];

async function* byAcademy<R>(shapes: () => Promise<AcademyShape[]>, academyId: string | null | undefined, pages: (academyId: string) => AsyncIterable<R[]>): AsyncGenerator<GeoGroup<R>> {
  for (const shape of await shapes()) {
    if (academyId && shape.academyId !== academyId) continue;
    yield { geometry: shape.geometry, properties: { academie: shape.academyId, nom: shape.name }, pages: pages(shape.academyId) };
  }
}

/** Aggregated counts (bucket × service × académie × problem) as an export source. */
export function countsSource(db: PrismaClient, filter: CountFilter, shapes: () => Promise<AcademyShape[]>): ExportSource<CountRow> {
  return {
    columns: COUNT_COLUMNS,
    pages: () => countPages(db, filter),
    groups: () => byAcademy(shapes, filter.academyId, (academyId) => countPages(db, { ...filter, academyId })),
  };
}

/** Moderated reports (public fields, approved comments only) as an export source. */
export function reportsSource(db: PrismaClient, filter: ReportFilter, shapes: () => Promise<AcademyShape[]>): ExportSource<PublicReport> {
  return {
    columns: REPORT_COLUMNS,
    pages: () => reportPages(db, filter),
    groups: () => byAcademy(shapes, filter.academyId, (academyId) => reportPages(db, { ...filter, academyId })),
  };
}
