import { z } from 'zod';
import {
  INCIDENT_LEVELS,
  INCIDENT_STATES,
  PLATFORM_KINDS,
  PLATFORM_SCOPES,
  PLATFORM_STATUSES,
  PROBLEM_CATEGORIES,
} from '@/lib/domain/types';

const iso = z.string().meta({ description: 'Instant ISO 8601 (UTC)' });
const severity = z.enum(['normal', 'perturbe', 'panne']);

export const platformSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PLATFORM_KINDS),
  scope: z.enum(PLATFORM_SCOPES),
  operator: z.string().nullable(),
  academies: z.array(z.string()),
  statusPageUrl: z.string().nullable(),
  retired: z.boolean(),
});

export const academySchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  overseas: z.boolean(),
  timeZone: z.string(),
  departements: z.array(z.string()),
  label: z.object({ lon: z.number(), lat: z.number() }),
});

export const incidentSchema = z.object({
  id: z.string(),
  platformId: z.string(),
  platformName: z.string(),
  level: z.enum(INCIDENT_LEVELS),
  state: z.enum(INCIDENT_STATES),
  startedAt: iso,
  detectedAt: iso.nullable(),
  endedAt: iso.nullable(),
  national: z.boolean(),
  academies: z.array(z.string()),
  reportCount: z.number().int(),
  reporterCount: z.number().int(),
  peakReporters: z.number().int(),
  url: z.string().meta({ description: 'Page publique de l’incident' }),
});

export const countRowSchema = z.object({
  debut: iso,
  plateforme: z.string(),
  academie: z.string(),
  probleme: z.enum(PROBLEM_CATEGORIES),
  signalements: z.number().int(),
  signalants: z.number().int(),
});

export const mapStateSchema = z.object({
  at: iso,
  live: z.boolean(),
  windowMinutes: z.number().int(),
  platformId: z.string().nullable(),
  category: z.enum(PROBLEM_CATEGORIES).nullable(),
  academies: z.array(
    z.looseObject({
      academyId: z.string(),
      severity,
      nationalSeverity: severity.optional(),
      intensity: z.number(),
      reporters: z.number().int(),
      reports: z.number().int(),
      expected: z.number(),
      incidentIds: z.array(z.string()),
      platforms: z.array(z.looseObject({ platformId: z.string(), severity, reporters: z.number().int(), expected: z.number(), national: z.boolean().optional() })),
    }),
  ),
  platforms: z.array(z.looseObject({ platformId: z.string(), status: z.enum(PLATFORM_STATUSES), since: iso.nullable(), academyCount: z.number().int(), national: z.boolean(), reporters: z.number().int(), expected: z.number() })),
  incidents: z.array(z.looseObject({ id: z.string(), platformId: z.string(), level: z.enum(INCIDENT_LEVELS), startedAt: iso, national: z.boolean(), academies: z.array(z.string()) })),
  seq: z.number().int().meta({ description: 'Position dans le flux en direct (/api/flux)' }),
  sparklineFrom: iso.optional(),
});

export const seriesSchema = z.looseObject({
  platformId: z.string().nullable(),
  academyId: z.string().nullable(),
  from: iso,
  to: iso,
  bucketMinutes: z.number().int(),
  t: z.array(z.number()),
  observed: z.array(z.number()),
  band: z.looseObject({ expected: z.array(z.number()), low: z.array(z.number()), high: z.array(z.number()), learnedAt: iso.nullable(), fallback: z.boolean() }).nullable(),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Code stable : invalid_input, not_found, rate_limited…' }),
    message: z.string().meta({ description: 'Message en français' }),
    issues: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});

/** `{ items, nextCursor }`: nextCursor is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export type PlatformV1 = z.infer<typeof platformSchema>;
export type AcademyV1 = z.infer<typeof academySchema>;
export type IncidentV1 = z.infer<typeof incidentSchema>;
export type CountRowV1 = z.infer<typeof countRowSchema>;

const exportMetaSchema = z.object({ licence: z.string(), licenceUrl: z.string(), citation: z.string(), query: z.string() });

/** Export bodies per content type: CSV and NDJSON are text (licence and citation on their first lines). */
export function exportBodies(row: z.ZodType) {
  return {
    'text/csv': z.string().meta({ description: 'CSV UTF-8 : deux lignes « # » (citation, licence), puis l’en-tête et les lignes' }),
    'application/x-ndjson': z.string().meta({ description: 'Une ligne { meta }, puis un objet JSON par ligne' }),
    'application/json': z.object({ meta: exportMetaSchema, items: z.array(row) }),
    'application/geo+json': z.object({
      type: z.literal('FeatureCollection'),
      licence: z.string(),
      licenceUrl: z.string(),
      citation: z.string(),
      features: z.array(
        z.object({
          type: z.literal('Feature'),
          geometry: z.looseObject({ type: z.enum(['Polygon', 'MultiPolygon']) }),
          properties: z.object({ academie: z.string(), nom: z.string(), rows: z.array(row) }),
        }),
      ),
    }),
  };
}

export const reportRowSchema = z.object({
  id: z.string(),
  date: iso,
  plateforme: z.string(),
  academie: z.string(),
  probleme: z.enum(PROBLEM_CATEGORIES),
  role: z.string().nullable(),
  commentaire: z.string().nullable().meta({ description: 'Seulement les commentaires acceptés par la modération' }),
});
