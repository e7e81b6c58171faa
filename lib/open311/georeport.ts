import type { PlatformInfo } from '@/lib/domain/dashboard';
import type { PublicReportRow } from '@/lib/db/open311';
import { PROBLEM_CATEGORIES, REPORTER_ROLES } from '@/lib/domain/types';
import { MESSAGES } from '@/messages';

const LABELS = MESSAGES.fr.labels;

/** GeoReport v2 `services` entry: one per platform (service_code = platform id). */
export function toService(p: PlatformInfo) {
  return {
    service_code: p.id,
    service_name: p.name,
    description: `${LABELS.kinds[p.kind]} (${LABELS.scopes[p.scope]})${p.operator ? `, ${p.operator}` : ''} : signaler que ce service ne fonctionne pas.`,
    metadata: true,
    type: 'realtime',
    keywords: [p.kind, p.scope, ...p.academies].join(','),
    group: LABELS.kinds[p.kind],
  };
}

/** The attributes of every service: the problem (required), the reporter's role, an idempotency key. */
export function serviceDefinition(serviceCode: string) {
  return {
    service_code: serviceCode,
    attributes: [
      {
        variable: true,
        code: 'category',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: 'Le problème rencontré.',
        order: 1,
        description: 'Problème',
        values: PROBLEM_CATEGORIES.map((key) => ({ key, name: LABELS.categories[key] })),
      },
      {
        variable: true,
        code: 'role',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'Qui signale.',
        order: 2,
        description: 'Vous êtes',
        values: REPORTER_ROLES.map((key) => ({ key, name: LABELS.roles[key] })),
      },
      {
        variable: true,
        code: 'idempotency_key',
        datatype: 'string',
        required: false,
        datatype_description: '16 à 128 caractères [A-Za-z0-9_-] ; le même envoi répété avec la même clé n’est enregistré qu’une fois.',
        order: 3,
        description: 'Clé d’idempotence',
      },
    ],
  };
}

export type Open311Post = Record<string, string>;

/**
 * The /api/reports body of an Open311 POST: service_code → platform, jurisdiction_id (an académie) or
 * lat/long → académie, description → comment, attribute[category|role|idempotency_key]. Validation,
 * counting and abuse rules are then those of /api/reports.
 */
export function toReportBody(post: Open311Post, academyAt: (lat: number, lon: number) => string | null, newKey: () => string): Record<string, unknown> {
  const lat = Number(post.lat);
  const lon = Number(post.long);
  const located = post.lat && post.long && Number.isFinite(lat) && Number.isFinite(lon) ? academyAt(lat, lon) : null;
  return {
    platform: post.service_code ?? '',
    academy: post.jurisdiction_id || located || '',
    category: post['attribute[category]'] ?? '',
    ...(post['attribute[role]'] ? { role: post['attribute[role]'] } : {}),
    ...(post.description ? { comment: post.description } : {}),
    ...(post.device_id ? { deviceToken: post.device_id } : {}),
    idempotencyKey: post['attribute[idempotency_key]'] || newKey(),
  };
}

const NOT_COUNTED: Record<string, string> = {
  rate_limited: 'reçu mais non compté : trop de signalements de cette source',
  duplicate: 'reçu mais non compté : déjà signalé récemment depuis cette source',
  honeypot: 'non compté',
  flood: 'reçu mais non compté : commentaire identique envoyé en nombre',
  moderator: 'écarté par la modération',
};

/** GeoReport v2 `requests` entry of a report; `open` while an incident covers its service and académie. */
export function toServiceRequest(
  r: PublicReportRow,
  ctx: { platformName: string; academy: { name: string; labelLat: number; labelLon: number } | null; open: boolean; origin: string },
) {
  const notes = r.counted ? 'signalement compté' : (NOT_COUNTED[r.flagReason ?? ''] ?? 'reçu mais non compté');
  return {
    service_request_id: r.id,
    status: ctx.open ? 'open' : 'closed',
    status_notes: notes,
    service_name: ctx.platformName,
    service_code: r.platformId,
    description: r.comment ?? LABELS.categories[r.category as keyof typeof LABELS.categories] ?? r.category,
    agency_responsible: ctx.platformName,
    service_notice: '',
    requested_datetime: r.createdAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: '',
    address: ctx.academy ? `Académie de ${ctx.academy.name}` : r.academyId,
    address_id: r.academyId,
    zipcode: '',
    lat: ctx.academy?.labelLat ?? '',
    long: ctx.academy?.labelLon ?? '',
    media_url: `${ctx.origin}/plateformes/${r.platformId}`,
  };
}
