import type { FieldIssueCode } from '@/lib/ingest/issue-messages';
import { FORM_LEVEL_CODES, FORM_LEVEL_FIELD, formNameOf, isFormLevelCode } from './form-fields';
import type { AcceptedReport, ReportError } from './types';

/** Form input name (or FORM_LEVEL_FIELD) → issue code; the text is `report.issues.<code>` in each language. */
export type FormErrors = Record<string, string>;

export type CodedIssue = { field: string; code: string };

// Keys only: the server's French texts stay out of the phone bundle (the type keeps this list complete).
const FIELD_ISSUE_CODES = {
  body_invalid: true,
  unknown_field: true,
  platform_required: true,
  platform_invalid: true,
  platform_unknown: true,
  platform_retired: true,
  platform_not_in_academy: true,
  academy_required: true,
  academy_invalid: true,
  academy_unknown: true,
  category_required: true,
  category_invalid: true,
  role_invalid: true,
  comment_invalid: true,
  comment_too_long: true,
  comment_control_chars: true,
  idempotency_key_required: true,
  idempotency_key_invalid: true,
  observed_at_invalid: true,
  observed_at_future: true,
  observed_at_too_old: true,
  device_token_invalid: true,
  website_invalid: true,
  pow_required: true,
  pow_invalid: true,
} as const satisfies Record<FieldIssueCode, true>;

/** Every code the form can show, each with a `report.issues` message in both languages. */
export const REPORT_ISSUE_CODES: readonly string[] = [...new Set([...Object.keys(FIELD_ISSUE_CODES), ...FORM_LEVEL_CODES])];

const KNOWN_CODES = new Set(REPORT_ISSUE_CODES);

export function isReportIssueCode(code: string): boolean {
  return KNOWN_CODES.has(code);
}

/** Server issues (schema field names) as form errors; anything not tied to an input goes above the form. */
export function issuesToFormIssues(issues: CodedIssue[]): CodedIssue[] {
  return issues.map((issue) => {
    const name = formNameOf(issue.field);
    if (name) return { field: name, code: issue.code };
    const code = issue.field === 'altcha' ? 'pow_required' : 'internal';
    return { field: FORM_LEVEL_FIELD, code };
  });
}

/** `plateforme:platform_required,probleme:category_required` for the `erreurs` query parameter. */
export function encodeErrors(issues: CodedIssue[]): string {
  return issues.map((issue) => `${issue.field}:${issue.code}`).join(',');
}

/** Reads `erreurs`; unknown codes are ignored, so the parameter cannot inject text into the page. */
export function decodeErrors(value: string | undefined): FormErrors {
  const errors: FormErrors = {};
  for (const pair of (value ?? '').split(',').slice(0, 12)) {
    const [field = '', code = ''] = pair.split(':');
    if (field && KNOWN_CODES.has(code) && !Object.hasOwn(errors, field)) errors[field] = code;
  }
  return errors;
}

/** Codes of coded issues, first one per field (unknown codes dropped). */
export function toFormErrors(issues: CodedIssue[]): FormErrors {
  return decodeErrors(encodeErrors(issues));
}

/** The errors to show for a refusal of the API: its issues, else its code above the form (never its French text). */
export function rejectionToFormErrors(error: Pick<ReportError, 'code' | 'issues'>): FormErrors {
  const errors = toFormErrors(issuesToFormIssues(error.issues));
  if (Object.keys(errors).length > 0) return errors;
  return { [FORM_LEVEL_FIELD]: isFormLevelCode(error.code) ? error.code : 'internal' };
}

/** Where the no-JS form lands after a refused submission: the form, prefilled, errors shown. */
export function buildRetryLocation(values: Record<string, string>, issues: CodedIssue[]): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) query.set(name, value);
  query.set('erreurs', encodeErrors(issues));
  return `/signaler?${query.toString()}#erreurs`;
}

/** Where the no-JS form lands after an accepted report. */
export function buildThanksLocation(report: AcceptedReport): string {
  const query = new URLSearchParams({
    id: report.id,
    n: String(report.localCount),
    plateforme: report.platform,
    academie: report.academy,
  });
  return `/signaler/merci?${query.toString()}`;
}
