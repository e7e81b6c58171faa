import 'server-only';
import type { CountBucket } from '@/lib/db/aggregates';
import { listBoundaries } from '@/lib/db/catalog';
import { getExportReader } from '@/lib/db/export-reader';
import { countsSource, reportsSource, type AcademyShape } from '@/lib/export/datasets';
import { exportMeta } from '@/lib/export/licence';
import { CONTENT_TYPES, exportStream, type ExportFormat } from '@/lib/export/stream';
import { siteOrigin } from '@/lib/seo/site';
import { CORS_HEADERS } from './http';

export type ExportOptions = { format: ExportFormat; bom: '0' | '1'; separateur: 'virgule' | 'point-virgule' };
type Filter = { from: Date; to: Date; platformId?: string | null; academyId?: string | null; category?: string | null };

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', ndjson: 'ndjson', json: 'json', geojson: 'geojson' };

async function shapes(): Promise<AcademyShape[]> {
  return (await listBoundaries()).map((b) => ({ academyId: b.academyId, name: b.name, geometry: b.geometry }));
}

function fileName(kind: string, filter: Filter, format: ExportFormat): string {
  const parts = ['ecole-en-panne', kind, filter.platformId, filter.academyId, filter.category, filter.from.toISOString().slice(0, 16), filter.to.toISOString().slice(0, 16)];
  return `${parts.filter(Boolean).join('_').replace(/[^a-zA-Z0-9_-]/g, '-')}.${EXTENSIONS[format]}`;
}

function streamResponse(body: ReadableStream<Uint8Array>, input: { kind: string; filter: Filter; options: ExportOptions; now: number }): Response {
  const past = input.filter.to.getTime() < input.now - 60_000;
  return new Response(body, {
    headers: {
      ...CORS_HEADERS,
      'content-type': CONTENT_TYPES[input.options.format],
      'content-disposition': `attachment; filename="${fileName(input.kind, input.filter, input.options.format)}"`,
      'cache-control': past ? 'public, max-age=300' : 'public, max-age=30',
    },
  });
}

function metaFor(req: Request, now: number) {
  const url = new URL(req.url);
  // The public origin comes from configuration only (never from the Host header): without it, no address.
  return exportMeta({ extractedAt: new Date(now), origin: siteOrigin(), query: `${url.pathname}${url.search}` });
}

const csvOptions = (o: ExportOptions) => ({ bom: o.bom === '1', separator: o.separateur === 'point-virgule' ? (';' as const) : (',' as const) });

/** Aggregated counts over a filter, streamed in the chosen format. */
export function exportCounts(req: Request, input: { filter: Filter & { bucket: CountBucket }; options: ExportOptions; now?: number }): Response {
  const now = input.now ?? Date.now();
  const source = countsSource(getExportReader(), input.filter, shapes);
  const body = exportStream({ format: input.options.format, source, meta: metaFor(req, now), csv: csvOptions(input.options) });
  return streamResponse(body, { kind: 'comptages', filter: input.filter, options: input.options, now });
}

/** Moderated reports (public fields, approved comments only) over a filter, streamed. */
export function exportReports(req: Request, input: { filter: Filter; options: ExportOptions; now?: number }): Response {
  const now = input.now ?? Date.now();
  const source = reportsSource(getExportReader(), input.filter, shapes);
  const body = exportStream({ format: input.options.format, source, meta: metaFor(req, now), csv: csvOptions(input.options) });
  return streamResponse(body, { kind: 'signalements', filter: input.filter, options: input.options, now });
}
