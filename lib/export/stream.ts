import type { BytePage, RowEncoding } from '@/lib/db/export-encoding';
import { csvLine, csvPreamble, type CsvOptions } from './csv';
import type { ExportMeta } from './licence';
import type { RowFormat } from './pages';

export const EXPORT_FORMATS = ['csv', 'ndjson', 'json', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

/** Rows of one académie for GeoJSON: one Feature (its polygon) whose `rows` property holds them. */
export type GeoGroup = { geometry: unknown; properties: Record<string, unknown>; pages: AsyncIterable<BytePage> };

export type ExportSource = {
  /** Public column names, in order (the CSV header, the JSON keys). */
  columns: readonly string[];
  /** Rows in order, written out a page at a time (csv, ndjson, json). */
  pages: (format: RowFormat) => AsyncIterable<BytePage>;
  /** Rows grouped by académie (geojson). */
  groups: (format: RowFormat) => AsyncIterable<GeoGroup>;
};

const JSON_ROWS: RowEncoding = { kind: 'json' };
const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

async function* csvBytes(source: ExportSource, meta: ExportMeta, csv: CsvOptions): AsyncGenerator<Uint8Array> {
  yield utf8((csv.bom ? '\uFEFF' : '') + csvPreamble([meta.citation, `Licence : ${meta.licence} (${meta.licenceUrl})`]) + csvLine(source.columns, csv.separator));
  for await (const page of source.pages({ encoding: { kind: 'csv', separator: csv.separator }, delimiter: '' })) yield* page.bytes;
}

async function* ndjsonBytes(source: ExportSource, meta: ExportMeta): AsyncGenerator<Uint8Array> {
  yield utf8(`${JSON.stringify({ meta })}\n`);
  for await (const page of source.pages({ encoding: JSON_ROWS, delimiter: '\n' })) {
    yield* page.bytes;
    yield utf8('\n');
  }
}

async function* jsonBytes(source: ExportSource, meta: ExportMeta): AsyncGenerator<Uint8Array> {
  yield utf8(`{"meta":${JSON.stringify(meta)},"items":[`);
  let first = true;
  for await (const page of source.pages({ encoding: JSON_ROWS, delimiter: ',\n' })) {
    yield utf8(first ? '\n' : ',\n');
    yield* page.bytes;
    first = false;
  }
  yield utf8('\n]}\n');
}

async function* geojsonBytes(source: ExportSource, meta: ExportMeta): AsyncGenerator<Uint8Array> {
  // Foreign members (RFC 7946 §6.1) carry the licence and citation.
  yield utf8(`{"type":"FeatureCollection","licence":${JSON.stringify(meta.licence)},"licenceUrl":${JSON.stringify(meta.licenceUrl)},"citation":${JSON.stringify(meta.citation)},"features":[`);
  let firstFeature = true;
  for await (const group of source.groups({ encoding: JSON_ROWS, delimiter: ',' })) {
    const properties = JSON.stringify(group.properties).slice(0, -1);
    yield utf8(`${firstFeature ? '\n' : ',\n'}{"type":"Feature","geometry":${JSON.stringify(group.geometry)},"properties":${properties}${properties === '{' ? '' : ','}"rows":[`);
    firstFeature = false;
    let firstRow = true;
    for await (const page of group.pages) {
      if (!firstRow) yield utf8(',');
      yield* page.bytes;
      firstRow = false;
    }
    yield utf8(']}}');
  }
  yield utf8('\n]}\n');
}

function bytesOf(format: ExportFormat, source: ExportSource, meta: ExportMeta, csv: CsvOptions): AsyncGenerator<Uint8Array> {
  if (format === 'csv') return csvBytes(source, meta, csv);
  if (format === 'ndjson') return ndjsonBytes(source, meta);
  if (format === 'json') return jsonBytes(source, meta);
  return geojsonBytes(source, meta);
}

/**
 * The export as a byte stream that reads the next page from the database only when the consumer
 * asks for more (pull): a slow client holds one page in memory, never the whole result. Page bytes
 * pass from the driver's buffers to the response as they are; only the framing is encoded here.
 */
export function exportStream(input: { format: ExportFormat; source: ExportSource; meta: ExportMeta; csv: CsvOptions }): ReadableStream<Uint8Array> {
  const bytes = bytesOf(input.format, input.source, input.meta, input.csv);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await bytes.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await bytes.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
