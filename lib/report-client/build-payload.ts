import { COMMENT_MAX_LENGTH } from '@/lib/ingest/thresholds';
import type { CodedIssue } from './form-errors';
import type { ReportValues } from './prefill';
import type { ReportPayload } from './types';

/** The checks the browser can make before sending (the server checks everything again). */
export function validateValues(values: ReportValues): CodedIssue[] {
  const issues: CodedIssue[] = [];
  if (!values.academy) issues.push({ field: 'academie', code: 'academy_required' });
  if (!values.platform) issues.push({ field: 'plateforme', code: 'platform_required' });
  if (!values.category) issues.push({ field: 'probleme', code: 'category_required' });
  if (values.comment.trim().length > COMMENT_MAX_LENGTH) issues.push({ field: 'commentaire', code: 'comment_too_long' });
  return issues;
}

/** The JSON body for a report whose values passed validateValues; null otherwise. */
export function buildPayload(
  values: ReportValues,
  extra: { idempotencyKey: string; observedAt: Date; deviceToken?: string; website?: string },
): ReportPayload | null {
  if (!values.platform || !values.academy || !values.category) return null;
  const payload: ReportPayload = {
    platform: values.platform,
    academy: values.academy,
    category: values.category,
    idempotencyKey: extra.idempotencyKey,
    observedAt: extra.observedAt.toISOString(),
  };
  if (values.role) payload.role = values.role;
  const comment = values.comment.trim();
  if (comment) payload.comment = comment;
  if (extra.deviceToken) payload.deviceToken = extra.deviceToken;
  if (extra.website) payload.website = extra.website;
  return payload;
}
