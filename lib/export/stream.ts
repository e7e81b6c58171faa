import { csvLine, csvPreamble, type Cell, type CsvOptions } from './csv';
import type { ExportMeta } from './licence';

export const EXPORT_FORMATS = ['csv', 'ndjson', 'json', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

export type Column<R> = { name: string; value: (row: R) => Cell };

/** Rows of one académie for GeoJSON: one Feature (its polygon) whose `rows` property holds them. */
export type GeoGroup<R> = { geometry: unknown; properties: Record<string, unknown>; pages: AsyncIterable<R[]> };

export type ExportSource<R> = {
  columns: readonly Column<R>[];
  /** Rows in order, a page at a time (csv, ndjson, json). */
  pages: () => AsyncIterable<R[]>;
  /** Rows grouped by académie (geojson). */
  groups: () => AsyncIterable<GeoGroup<R>>;
};

function toObject<R>(columns: readonly Column<R>[], row: R): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const c of columns) out[c.name] = c.value(row);
  return out;
}

async function* csvText<R>(source: ExportSource<R>, meta: ExportMeta, csv: CsvOptions): AsyncGenerator<string> {
  yield (csv.bom ? '\uFEFF' : '') + csvPreamble([meta.citation, `Licence : ${meta.licence} (${meta.licenceUrl})`]) + csvLine(source.columns.map((c) => c.name), csv.separator);
  for await (const page of source.pages()) {
    let text = '';
    for (const row of page) text += csvLine(source.columns.map((c) => c.value(row)), csv.separator);
    yield text;
  }
}

async function* ndjsonText<R>(source: ExportSource<R>, meta: ExportMeta): AsyncGenerator<string> {
  yield `${JSON.stringify({ meta })}\n`;
  for await (const page of source.pages()) yield page.map((row) => `${JSON.stringify(toObject(source.columns, row))}\n`).join('');
}

async function* jsonText<R>(source: ExportSource<R>, meta: ExportMeta): AsyncGenerator<string> {
  yield `{"meta":${JSON.stringify(meta)},"items":[`;
  let first = true;
  for await (const page of source.pages()) {
    if (page.length === 0) continue;
    yield (first ? '\n' : ',\n') + page.map((row) => JSON.stringify(toObject(source.columns, row))).join(',\n');
    first = false;
  }
  yield '\n]}\n';
}

async function* geojsonText<R>(source: ExportSource<R>, meta: ExportMeta): AsyncGenerator<string> {
  // Foreign members (RFC 7946 §6.1) carry the licence and citation.
  yield `{"type":"FeatureCollection","licence":${JSON.stringify(meta.licence)},"licenceUrl":${JSON.stringify(meta.licenceUrl)},"citation":${JSON.stringify(meta.citation)},"features":[`;
  let firstFeature = true;
  for await (const group of source.groups()) {
    const properties = JSON.stringify(group.properties).slice(0, -1);
    yield `${firstFeature ? '\n' : ',\n'}{"type":"Feature","geometry":${JSON.stringify(group.geometry)},"properties":${properties}${properties === '{' ? '' : ','}"rows":[`;
    firstFeature = false;
    let firstRow = true;
    for await (const page of group.pages) {
      if (page.length === 0) continue;
      yield (firstRow ? '' : ',') + page.map((row) => JSON.stringify(toObject(source.columns, row))).join(',');
      firstRow = false;
    }
    yield ']}}';
  }
  yield '\n]}\n';
}

function textOf<R>(format: ExportFormat, source: ExportSource<R>, meta: ExportMeta, csv: CsvOptions): AsyncGenerator<string> {
  if (format === 'csv') return csvText(source, meta, csv);
  if (format === 'ndjson') return ndjsonText(source, meta);
  if (format === 'json') return jsonText(source, meta);
  return geojsonText(source, meta);
}

/**
 * The export as a byte stream that reads the next page from the database only when the consumer
 * asks for more (pull): a slow client holds one page in memory, never the whole result.
 */
export function exportStream<R>(input: { format: ExportFormat; source: ExportSource<R>; meta: ExportMeta; csv: CsvOptions }): ReadableStream<Uint8Array> {
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
