import { COUNT_EXPORT_COLUMNS } from '@/lib/db/aggregates';
import type { BytePage } from '@/lib/db/export-encoding';
import type { PageReader } from '@/lib/db/export-reader';
import { REPORT_EXPORT_COLUMNS } from '@/lib/db/public-reports';
import { countPages, PAGE_SIZE, reportPages, type CountFilter, type ReportFilter, type RowFormat } from './pages';
import type { ExportSource, GeoGroup } from './stream';

/** An académie's polygon (GeoJSON geometry) and name, for the GeoJSON exports. */
export type AcademyShape = { academyId: string; name: string; geometry: unknown };

export const COUNT_COLUMNS: readonly string[] = COUNT_EXPORT_COLUMNS.map((c) => c.name);
export const REPORT_COLUMNS: readonly string[] = REPORT_EXPORT_COLUMNS.map((c) => c.name);

async function* byAcademy(shapes: () => Promise<AcademyShape[]>, academyId: string | null | undefined, pages: (academyId: string) => AsyncIterable<BytePage>): AsyncGenerator<GeoGroup> {
  for (const shape of await shapes()) {
    if (academyId && shape.academyId !== academyId) continue;
    yield { geometry: shape.geometry, properties: { academie: shape.academyId, nom: shape.name }, pages: pages(shape.academyId) };
  }
}

/** Aggregated counts (bucket × service × académie × problem) as an export source. */
export function countsSource(reader: PageReader, filter: CountFilter, shapes: () => Promise<AcademyShape[]>): ExportSource {
  return {
    columns: COUNT_COLUMNS,
    pages: (format: RowFormat) => countPages(reader, filter, format),
    groups: (format: RowFormat) => {
      const slices = { factor: 1 };
      return byAcademy(shapes, filter.academyId, (academyId) => countPages(reader, { ...filter, academyId }, format, PAGE_SIZE, slices));
    },
  };
}

/** Moderated reports (public fields, approved comments only) as an export source. */
export function reportsSource(reader: PageReader, filter: ReportFilter, shapes: () => Promise<AcademyShape[]>): ExportSource {
  return {
    columns: REPORT_COLUMNS,
    pages: (format: RowFormat) => reportPages(reader, filter, format),
    groups: (format: RowFormat) => byAcademy(shapes, filter.academyId, (academyId) => reportPages(reader, { ...filter, academyId }, format)),
  };
}
