import type { ReportField } from '@/lib/ingest/schema';

/**
 * French names of the form inputs, equal to FORM_FIELDS in lib/ingest/schema.ts (a unit test checks
 * it): importing that module would ship zod to every phone for a 9-entry table.
 */
export const REPORT_FORM_FIELDS = {
  platform: 'plateforme',
  academy: 'academie',
  category: 'probleme',
  role: 'role',
  comment: 'commentaire',
  idempotencyKey: 'cle',
  observedAt: 'observe_a',
  deviceToken: 'appareil',
  website: 'site_web',
} as const satisfies Record<ReportField, string>;

export type FormFieldName = (typeof REPORT_FORM_FIELDS)[ReportField];

/** Name of the pseudo-field carrying errors about the whole form (limits, outages). */
export const FORM_LEVEL_FIELD = 'formulaire';

/** Form errors that are not about one field, with the text shown above the form. */
export const FORM_LEVEL_MESSAGES = {
  rate_limited: 'Trop de signalements envoyés depuis cette connexion. Réessayez dans une minute.',
  unavailable: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
  pow_required:
    'Beaucoup de signalements arrivent en ce moment\u00a0: une vérification anti-robot est nécessaire, qui demande JavaScript. Réessayez dans quelques minutes.',
  forbidden: 'Cet envoi a été refusé. Rechargez la page et réessayez.',
  internal: 'Une erreur est survenue. Réessayez dans quelques instants.',
} as const;

export type FormLevelCode = keyof typeof FORM_LEVEL_MESSAGES;

export function isReportField(field: string): field is ReportField {
  return Object.hasOwn(REPORT_FORM_FIELDS, field);
}

const SCHEMA_FIELD_BY_FORM_NAME = new Map<string, ReportField>(
  Object.keys(REPORT_FORM_FIELDS)
    .filter(isReportField)
    .map((field) => [REPORT_FORM_FIELDS[field], field]),
);

export function formNameOf(field: string): FormFieldName | null {
  return isReportField(field) ? REPORT_FORM_FIELDS[field] : null;
}

export function schemaFieldOf(formName: string): ReportField | null {
  return SCHEMA_FIELD_BY_FORM_NAME.get(formName) ?? null;
}
