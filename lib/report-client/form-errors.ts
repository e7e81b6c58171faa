import { FIELD_ISSUE_MESSAGES } from '@/lib/ingest/issue-messages';
import { FORM_LEVEL_FIELD, FORM_LEVEL_MESSAGES, formNameOf } from './form-fields';
import type { AcceptedReport } from './types';

/** Form input name (or FORM_LEVEL_FIELD) → French message. */
export type FormErrors = Record<string, string>;

export type CodedIssue = { field: string; code: string };

const MESSAGES = new Map<string, string>([
  ...Object.entries(FIELD_ISSUE_MESSAGES),
  ...Object.entries(FORM_LEVEL_MESSAGES),
]);

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
    const message = MESSAGES.get(code);
    if (field && message && !Object.hasOwn(errors, field)) errors[field] = message;
  }
  return errors;
}

/** Messages of coded issues, first one per field. */
export function toFormErrors(issues: CodedIssue[]): FormErrors {
  return decodeErrors(encodeErrors(issues));
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
