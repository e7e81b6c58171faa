import { ID_SLUG } from '@/lib/domain/slug';
/**
 * Public resources outside /api/v1 that newsrooms and civic tools use (Atom feeds, badges, Open311),
 * documented in the same OpenAPI document; their own tests check their formats (tests/integration/reach).
 */
type Related = { path: string; summary: string; summaryEn: string; contentType: string; params: Array<{ name: string; in: 'path' | 'query'; description: string }> };

const SLUG = { type: 'string', pattern: ID_SLUG.source };

export const RELATED_ROUTES: readonly Related[] = [
  { path: '/incidents.atom', summary: 'Flux Atom des incidents', summaryEn: 'Atom feed of incidents', contentType: 'application/atom+xml', params: [{ name: 'langue', in: 'query', description: 'en pour l’anglais' }] },
  { path: '/plateformes/{id}/incidents.atom', summary: 'Flux Atom des incidents d’un service', summaryEn: 'Atom feed of a service’s incidents', contentType: 'application/atom+xml', params: [{ name: 'id', in: 'path', description: 'Identifiant du service' }] },
  { path: '/academies/{id}/incidents.atom', summary: 'Flux Atom des incidents d’une académie', summaryEn: 'Atom feed of an académie’s incidents', contentType: 'application/atom+xml', params: [{ name: 'id', in: 'path', description: 'Identifiant de l’académie' }] },
  { path: '/badges/{fichier}', summary: 'Badge SVG de l’état d’un service (<service>.svg)', summaryEn: 'SVG status badge of a service', contentType: 'image/svg+xml', params: [{ name: 'fichier', in: 'path', description: '<service>.svg' }] },
  { path: '/badges/{id}/{fichier}', summary: 'Badge SVG d’un service dans une académie (<académie>.svg)', summaryEn: 'SVG status badge of a service in an académie', contentType: 'image/svg+xml', params: [{ name: 'id', in: 'path', description: 'Identifiant du service' }, { name: 'fichier', in: 'path', description: '<académie>.svg' }] },
  { path: '/open311/discovery.json', summary: 'Open311 GeoReport v2 : découverte', summaryEn: 'Open311 GeoReport v2: discovery', contentType: 'application/json', params: [] },
  { path: '/open311/v2/services.json', summary: 'Open311 : services (jurisdiction_id = académie)', summaryEn: 'Open311: services', contentType: 'application/json', params: [{ name: 'jurisdiction_id', in: 'query', description: 'Identifiant de l’académie' }] },
  { path: '/open311/v2/requests.json', summary: 'Open311 : signalements (GET) ; POST form-urlencoded = un signalement', summaryEn: 'Open311: requests (GET list, POST one)', contentType: 'application/json', params: [{ name: 'service_code', in: 'query', description: 'Services' }] },
];

export function relatedPaths(): Record<string, unknown> {
  return Object.fromEntries(
    RELATED_ROUTES.map((r) => [
      r.path,
      {
        get: {
          tags: ['diffusion'],
          summary: r.summary,
          'x-summary-en': r.summaryEn,
          parameters: r.params.map((p) => ({ name: p.name, in: p.in, required: p.in === 'path', description: p.description, schema: p.name === 'id' ? SLUG : { type: 'string' } })),
          responses: { '200': { description: 'OK', content: { [r.contentType]: { schema: { type: 'string' } } } }, '404': { description: 'Introuvable' } },
        },
      },
    ]),
  );
}
