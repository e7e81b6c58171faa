import { ID_SLUG } from '@/lib/domain/slug';
import { z } from 'zod';
import { INCIDENT_LEVELS, INCIDENT_STATES, PROBLEM_CATEGORIES } from '@/lib/domain/types';
import { EXPORT_FORMATS } from '@/lib/export/stream';

/** French messages of every bad filter, by stable issue code (clients branch on the code). */
export const PARAM_MESSAGES = {
  platform_invalid: 'Identifiant de service invalide (lettres minuscules, chiffres et tirets).',
  platform_unknown: 'Ce service n’est pas dans notre liste.',
  academy_invalid: 'Identifiant d’académie invalide (lettres minuscules, chiffres et tirets).',
  academy_unknown: 'Cette académie n’existe pas.',
  category_invalid: `Type de problème invalide : ${PROBLEM_CATEGORIES.join(', ')}.`,
  from_invalid: 'Début invalide : utilisez par exemple 2021-04-06T08:00 (heure de Paris) ou une date ISO avec fuseau.',
  to_invalid: 'Fin invalide : utilisez par exemple 2021-04-06T12:00 (heure de Paris) ou une date ISO avec fuseau.',
  period_order: 'La fin doit être après le début.',
  period_too_long: 'La période demandée est trop longue pour ce pas : choisissez un pas plus large ou une période plus courte.',
  period_out_of_range: 'Cette période est hors des dates couvertes (2000 à demain).',
  level_invalid: `Niveau invalide : ${INCIDENT_LEVELS.join(', ')}.`,
  state_invalid: `État invalide : ${INCIDENT_STATES.join(', ')}.`,
  step_invalid: 'Pas invalide : 1min, 15min, 1h ou 1j.',
  cursor_invalid: 'Curseur invalide : reprenez celui de la réponse précédente (nextCursor).',
  limit_invalid: 'Limite invalide : un entier de 1 à 500.',
  format_invalid: `Format invalide : ${EXPORT_FORMATS.join(', ')}.`,
  bom_invalid: 'Option bom invalide : 1 ou 0.',
  separator_invalid: 'Séparateur invalide : virgule ou point-virgule.',
  id_invalid: 'Identifiant invalide.',
  not_found: 'Introuvable.',
  param_unknown: 'Paramètre inconnu (voir /api/v1/openapi.json pour la liste).',
} as const;

export type ParamIssueCode = keyof typeof PARAM_MESSAGES;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** Each query parameter once: its zod schema (validation and the OpenAPI document) and its issue code. */
export const PARAMS = {
  plateforme: { code: 'platform_invalid', schema: optional(z.string().max(80).regex(ID_SLUG)).meta({ description: 'Service (identifiant), ex. cned-ma-classe-a-la-maison', 'x-description-en': 'Service id, e.g. cned-ma-classe-a-la-maison' }) },
  academie: { code: 'academy_invalid', schema: optional(z.string().max(80).regex(ID_SLUG)).meta({ description: 'Académie (identifiant), ex. paris', 'x-description-en': 'Académie id, e.g. paris' }) },
  categorie: { code: 'category_invalid', schema: optional(z.enum(PROBLEM_CATEGORIES)).meta({ description: 'Type de problème', 'x-description-en': 'Problem type' }) },
  de: { code: 'from_invalid', schema: optional(z.string().max(40)).meta({ description: 'Début (inclus) : heure de Paris AAAA-MM-JJTHH:MM ou ISO 8601 avec fuseau', 'x-description-en': 'Start (inclusive): Paris time YYYY-MM-DDTHH:MM or ISO 8601 with offset' }) },
  a: { code: 'to_invalid', schema: optional(z.string().max(40)).meta({ description: 'Fin (exclue) : heure de Paris AAAA-MM-JJTHH:MM ou ISO 8601 avec fuseau ; défaut maintenant', 'x-description-en': 'End (exclusive): Paris time or ISO 8601 with offset; default now' }) },
  niveau: { code: 'level_invalid', schema: optional(z.enum(INCIDENT_LEVELS)).meta({ description: 'Niveau : possible (problème possible) ou detected (panne détectée)', 'x-description-en': 'Level: possible or detected' }) },
  etat: { code: 'state_invalid', schema: optional(z.enum(INCIDENT_STATES)).meta({ description: 'État de l’incident', 'x-description-en': 'Incident state' }) },
  pas: { code: 'step_invalid', schema: z.preprocess(blank, z.enum(['1min', '15min', '1h', '1j']).default('1h')).meta({ description: 'Largeur des tranches (jours : jours de Paris)', 'x-description-en': 'Bucket width (days are Paris days)' }) },
  curseur: { code: 'cursor_invalid', schema: optional(z.string().max(200).regex(/^[A-Za-z0-9_-]+$/)).meta({ description: 'Page suivante : nextCursor de la réponse précédente', 'x-description-en': 'Next page: nextCursor of the previous answer' }) },
  limite: { code: 'limit_invalid', schema: z.preprocess(blank, z.coerce.number().int().min(1).max(500).default(100)).meta({ description: 'Nombre d’éléments par page (1 à 500)', 'x-description-en': 'Items per page (1 to 500)' }) },
  format: { code: 'format_invalid', schema: z.preprocess(blank, z.enum(EXPORT_FORMATS).default('csv')).meta({ description: 'csv, ndjson, json ou geojson', 'x-description-en': 'csv, ndjson, json or geojson' }) },
  bom: { code: 'bom_invalid', schema: z.preprocess(blank, z.enum(['0', '1']).default('0')).meta({ description: 'CSV : 1 pour commencer par un BOM UTF-8 (Excel)', 'x-description-en': 'CSV: 1 to start with a UTF-8 BOM (Excel)' }) },
  separateur: { code: 'separator_invalid', schema: z.preprocess(blank, z.enum(['virgule', 'point-virgule']).default('virgule')).meta({ description: 'CSV : virgule ou point-virgule (Excel en français)', 'x-description-en': 'CSV: virgule (comma) or point-virgule (semicolon, French Excel)' }) },
} as const satisfies Record<string, { code: ParamIssueCode; schema: z.ZodType }>;

export type ParamName = keyof typeof PARAMS;

/** A strict query object of the named parameters: an unknown parameter is an error too (typo in a filter). */
export function querySchema<const K extends ParamName>(...names: K[]) {
  const shape = Object.fromEntries(names.map((n) => [n, PARAMS[n].schema])) as { [P in K]: (typeof PARAMS)[P]['schema'] };
  return z.object(shape).strict();
}
