import type { ReportField } from '@/lib/ingest/schema';

/**
 * French names of the form inputs, also the server's FORM_FIELDS (lib/ingest/schema.ts). They live
 * here because importing the schema would ship zod to every phone for a 9-entry table.
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

/**
 * Codes of form errors that are not about one field (limits, outages, refusals); the text shown for
 * them, like for field codes, is in the `report.issues` messages.
 */
export const FORM_LEVEL_CODES = [
  'rate_limited',
  'unavailable',
  'pow_required',
  'forbidden',
  'payload_too_large',
  'invalid_input',
  'internal',
] as const;

export type FormLevelCode = (typeof FORM_LEVEL_CODES)[number];

export function isFormLevelCode(code: string): code is FormLevelCode {
  return (FORM_LEVEL_CODES as readonly string[]).includes(code);
}

export function isReportField(field: string): field is ReportField {
  return Object.hasOwn(REPORT_FORM_FIELDS, field);
}

export function formNameOf(field: string): FormFieldName | null {
  return isReportField(field) ? REPORT_FORM_FIELDS[field] : null;
}
