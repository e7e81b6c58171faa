import { readCountPage, type CountBucket } from '@/lib/db/aggregates';
import type { BytePage, RowEncoding } from '@/lib/db/export-encoding';
import type { PageReader } from '@/lib/db/export-reader';
import { readReportPage } from '@/lib/db/public-reports';
import { firstSliceStart, nextSliceFactor, sliceEnd } from './slices';

export const PAGE_SIZE = 20_000;

export type CountFilter = { from: Date; to: Date; bucket: CountBucket; platformId?: string | null; academyId?: string | null; category?: string | null };
export type ReportFilter = { from: Date; to: Date; platformId?: string | null; academyId?: string | null; category?: string | null };
/** How rows are written (CSV line or JSON object) and what joins two rows of a page. */
export type RowFormat = { encoding: RowEncoding; delimiter: string };

/** Slice length carried from one call to the next: the académies of a GeoJSON export are read one after another. */
export type SliceState = { factor: number };

/** Aggregated counts over the filter, in key order, written out a page (≤ pageSize rows) at a time. */
export async function* countPages(reader: PageReader, filter: CountFilter, format: RowFormat, pageSize = PAGE_SIZE, slices: SliceState = { factor: 1 }): AsyncGenerator<BytePage> {
  const to = filter.to.getTime();
  for (let start = firstSliceStart(filter.from, filter.bucket); start < to; ) {
    const end = sliceEnd(start, filter.bucket, slices.factor);
    const slice = { ...filter, ...format, from: new Date(Math.max(start, filter.from.getTime())), to: new Date(Math.min(end, to)) };
    let after: string[] | null = null;
    let rows = 0;
    for (;;) {
      const page = await readCountPage(reader, { ...slice, after, limit: pageSize });
      if (page.rows > 0) yield page;
      rows += page.rows;
      if (page.rows < pageSize) break;
      after = page.last;
    }
    slices.factor = nextSliceFactor(slices.factor, rows, pageSize);
    start = end;
  }
}

/** Public reports over the filter in (createdAt, id) order, written out a page at a time. */
export async function* reportPages(reader: PageReader, filter: ReportFilter, format: RowFormat, pageSize = PAGE_SIZE): AsyncGenerator<BytePage> {
  let after: string[] | null = null;
  for (;;) {
    const page = await readReportPage(reader, { ...filter, ...format, after, limit: pageSize });
    if (page.rows > 0) yield page;
    if (page.rows < pageSize) return;
    after = page.last;
  }
}
