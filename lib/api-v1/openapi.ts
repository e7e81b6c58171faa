import { z } from 'zod';
import { mapStateQuerySchema } from '@/lib/map-state/query';
import { seriesQuerySchema } from '@/lib/series/schema';
import { relatedPaths } from './related-routes';
import { countsExportQuery, countsQuery, incidentsQuery, noQuery, reportsExportQuery } from './queries';
import { academySchema, countRowSchema, errorSchema, exportBodies, incidentSchema, mapStateSchema, pageOf, platformSchema, reportRowSchema, seriesSchema } from './responses';

/** Response body: one schema (JSON), or one per content type (file exports). */
type Body = { schema: z.ZodType } | { content: Record<string, z.ZodType> };

/** One documented GET route of the public API. Adding a route to the document = one entry in API_ROUTES. */
export type ApiRoute = {
  path: `/api/v1/${string}`;
  tag: 'catalogue' | 'etat' | 'incidents' | 'comptages' | 'exports' | (string & {});
  summary: string;
  summaryEn: string;
  query: z.ZodObject;
  pathParams?: z.ZodObject;
  response: Body;
  /** Error statuses the route may answer besides 400 and 429. */
  errors?: readonly number[];
};

const json = (schema: z.ZodType): Body => ({ schema });
const file = (row: z.ZodType): Body => ({ content: exportBodies(row) });
const idParam = z.object({ id: z.string().uuid().meta({ description: 'Identifiant de l’incident' }) });

export const API_ROUTES: readonly ApiRoute[] = [
  { path: '/api/v1/plateformes', tag: 'catalogue', summary: 'Services suivis (plateformes)', summaryEn: 'Tracked services (platforms)', query: noQuery, response: json(z.object({ items: z.array(platformSchema) })) },
  { path: '/api/v1/academies', tag: 'catalogue', summary: 'Académies', summaryEn: 'Académies (education regions)', query: noQuery, response: json(z.object({ items: z.array(academySchema) })) },
  { path: '/api/v1/etat', tag: 'etat', summary: 'État de la carte à un instant (direct sans at)', summaryEn: 'Map state at an instant (live without at)', query: mapStateQuerySchema, response: json(mapStateSchema) },
  { path: '/api/v1/series', tag: 'etat', summary: 'Série de signalants par minute face au niveau habituel', summaryEn: 'Reporters per minute against the usual level', query: seriesQuerySchema, response: json(seriesSchema), errors: [404] },
  { path: '/api/v1/incidents', tag: 'incidents', summary: 'Incidents, du plus récent au plus ancien (pagination par curseur)', summaryEn: 'Incidents, newest first (cursor pagination)', query: incidentsQuery, response: json(pageOf(incidentSchema)) },
  { path: '/api/v1/incidents/{id}', tag: 'incidents', summary: 'Un incident', summaryEn: 'One incident', query: noQuery, pathParams: idParam, response: json(incidentSchema), errors: [404] },
  { path: '/api/v1/comptages', tag: 'comptages', summary: 'Comptages agrégés service × académie × problème × tranche', summaryEn: 'Aggregated counts service × académie × problem × bucket', query: countsQuery, response: json(pageOf(countRowSchema)) },
  { path: '/api/v1/exports/comptages', tag: 'exports', summary: 'Export des comptages agrégés (flux)', summaryEn: 'Aggregated counts export (streamed)', query: countsExportQuery, response: file(countRowSchema) },
  { path: '/api/v1/exports/signalements', tag: 'exports', summary: 'Export des signalements modérés (champs publics, commentaires acceptés)', summaryEn: 'Moderated reports export (public fields, approved comments)', query: reportsExportQuery, response: file(reportRowSchema) },
];

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodObject, where: 'query' | 'path'): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const s = toSchema(field as z.ZodType, 'input');
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success, description, schema: rest };
  });
}

const ERROR_TEXT: Record<number, string> = { 400: 'Paramètre invalide', 404: 'Introuvable', 429: 'Trop de requêtes' };

function operation(route: ApiRoute): JsonSchema {
  const isFile = 'content' in route.response;
  const bodies: Record<string, z.ZodType> = 'content' in route.response ? route.response.content : { 'application/json': route.response.schema };
  const errors = [400, ...(route.errors ?? []), 429];
  const errorBody = { content: { 'application/json': { schema: toSchema(errorSchema, 'output') } } };
  return {
    get: {
      tags: [route.tag],
      summary: route.summary,
      'x-summary-en': route.summaryEn,
      operationId: route.path.replace('/api/v1/', '').replace(/[{}]/g, '').replace(/\//g, '_'),
      parameters: [...(route.pathParams ? parameters(route.pathParams, 'path') : []), ...parameters(route.query, 'query')],
      responses: {
        '200': {
          description: 'OK',
          headers: isFile ? { 'Content-Disposition': { schema: { type: 'string' } } } : { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
          content: Object.fromEntries(Object.entries(bodies).map(([type, schema]) => [type, { schema: toSchema(schema, 'output') }])),
        },
        ...(isFile ? {} : { '304': { description: 'Non modifié (If-None-Match)' } }),
        ...Object.fromEntries(errors.map((status) => [String(status), { description: ERROR_TEXT[status] ?? 'Erreur', ...errorBody }])),
      },
    },
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that validate the requests. */
export function buildOpenApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'École en panne — API publique',
      version: '1.0.0',
      description:
        'Lecture seule, sans compte (limite de débit par source ; clé API de journaliste : Authorization: Bearer). Chemins et paramètres en français, champs JSON en anglais (camelCase) ; dates en ISO 8601 UTC. Erreurs : { error: { code, message, issues? } }. Données sous Licence Ouverte 2.0 (voir /sources).',
      license: { name: 'Licence Ouverte 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
    },
    servers: [{ url: '/' }],
    paths: { ...Object.fromEntries(API_ROUTES.map((r) => [r.path, operation(r)])), ...relatedPaths() },
  };
}
