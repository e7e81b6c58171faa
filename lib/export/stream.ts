import type { RowEncoding, TextPage } from '@/lib/db/export-encoding';
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
export type GeoGroup = { geometry: unknown; properties: Record<string, unknown>; pages: AsyncIterable<TextPage> };

export type ExportSource = {
  /** Public column names, in order (the CSV header, the JSON keys). */
  columns: readonly string[];
  /** Rows in order, written out a page at a time (csv, ndjson, json). */
  pages: (format: RowFormat) => AsyncIterable<TextPage>;
  /** Rows grouped by académie (geojson). */
  groups: (format: RowFormat) => AsyncIterable<GeoGroup>;
};

const JSON_ROWS: RowEncoding = { kind: 'json' };

async function* csvText(source: ExportSource, meta: ExportMeta, csv: CsvOptions): AsyncGenerator<string> {
  yield (csv.bom ? '\uFEFF' : '') + csvPreamble([meta.citation, `Licence : ${meta.licence} (${meta.licenceUrl})`]) + csvLine(source.columns, csv.separator);
  for await (const page of source.pages({ encoding: { kind: 'csv', separator: csv.separator }, delimiter: '' })) yield page.text;
}

async function* ndjsonText(source: ExportSource, meta: ExportMeta): AsyncGenerator<string> {
  yield `${JSON.stringify({ meta })}\n`;
  for await (const page of source.pages({ encoding: JSON_ROWS, delimiter: '\n' })) yield `${page.text}\n`;
}

async function* jsonText(source: ExportSource, meta: ExportMeta): AsyncGenerator<string> {
  yield `{"meta":${JSON.stringify(meta)},"items":[`;
  let first = true;
  for await (const page of source.pages({ encoding: JSON_ROWS, delimiter: ',\n' })) {
    yield (first ? '\n' : ',\n') + page.text;
    first = false;
  }
  yield '\n]}\n';
}

async function* geojsonText(source: ExportSource, meta: ExportMeta): AsyncGenerator<string> {
  // Foreign members (RFC 7946 §6.1) carry the licence and citation.
  yield `{"type":"FeatureCollection","licence":${JSON.stringify(meta.licence)},"licenceUrl":${JSON.stringify(meta.licenceUrl)},"citation":${JSON.stringify(meta.citation)},"features":[`;
  let firstFeature = true;
  for await (const group of source.groups({ encoding: JSON_ROWS, delimiter: ',' })) {
    const properties = JSON.stringify(group.properties).slice(0, -1);
    let text = `${firstFeature ? '\n' : ',\n'}{"type":"Feature","geometry":${JSON.stringify(group.geometry)},"properties":${properties}${properties === '{' ? '' : ','}"rows":[`;
    firstFeature = false;
    let firstRow = true;
    for await (const page of group.pages) {
      text += (firstRow ? '' : ',') + page.text;
      firstRow = false;
      yield text;
      text = '';
    }
    yield `${text}]}}`;
  }
  yield '\n]}\n';
}

function textOf(format: ExportFormat, source: ExportSource, meta: ExportMeta, csv: CsvOptions): AsyncGenerator<string> {
  if (format === 'csv') return csvText(source, meta, csv);
  if (format === 'ndjson') return ndjsonText(source, meta);
  if (format === 'json') return jsonText(source, meta);
  return geojsonText(source, meta);
}

/**
 * The export as a byte stream that reads the next page from the database only when the consumer
 * asks for more (pull): a slow client holds one page in memory, never the whole result.
 */
export function exportStream(input: { format: ExportFormat; source: ExportSource; meta: ExportMeta; csv: CsvOptions }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const text = textOf(input.format, input.source, input.meta, input.csv);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await text.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await text.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
