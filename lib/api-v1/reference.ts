import { buildOpenApiDocument } from './openapi';
import { API_ROUTES } from './openapi';

export type ReferenceParam = { name: string; in: string; required: boolean; type: string; values: string[]; defaultValue: string | null; description: string };
export type ReferenceRoute = { path: string; tag: string; summary: string; params: ReferenceParam[]; contentTypes: string[]; example: string };

type Op = { parameters: Array<{ name: string; in: string; required: boolean; description?: string; schema: { type?: string; enum?: unknown[]; default?: unknown; 'x-description-en'?: string } }>; responses: { '200': { content: Record<string, unknown> } } };

const EXAMPLES: Record<string, string> = {
  '/api/v1/etat': '/api/v1/etat?at=2021-04-06T09:30',
  '/api/v1/series': '/api/v1/series?plateforme=cned-ma-classe-a-la-maison&date=2021-04-06',
  '/api/v1/incidents': '/api/v1/incidents?de=2021-04-06T00:00&a=2021-04-07T00:00&niveau=detected',
  '/api/v1/comptages': '/api/v1/comptages?de=2021-04-06T08:00&a=2021-04-06T12:00&pas=15min&plateforme=cned-ma-classe-a-la-maison',
  '/api/v1/exports/comptages': '/api/v1/exports/comptages?de=2021-04-06T00:00&a=2021-04-07T00:00&pas=1h&format=csv&bom=1&separateur=point-virgule',
  '/api/v1/exports/signalements': '/api/v1/exports/signalements?de=2021-04-06T09:00&a=2021-04-06T10:00&format=ndjson',
};

/** The reference page's content, read from the generated OpenAPI document (one source for both). */
export function apiReference(locale: 'fr' | 'en'): ReferenceRoute[] {
  const doc = buildOpenApiDocument() as { paths: Record<string, { get: Op }> };
  return API_ROUTES.map((route) => {
    const op = doc.paths[route.path]?.get;
    return {
      path: route.path,
      tag: route.tag,
      summary: locale === 'en' ? route.summaryEn : route.summary,
      params: (op?.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required,
        type: p.schema.type ?? 'string',
        values: (p.schema.enum ?? []).map(String),
        defaultValue: p.schema.default === undefined ? null : String(p.schema.default),
        description: (locale === 'en' ? p.schema['x-description-en'] : undefined) ?? p.description ?? '',
      })),
      contentTypes: Object.keys(op?.responses['200'].content ?? {}),
      example: EXAMPLES[route.path] ?? route.path.replace('{id}', '…'),
    };
  });
}
