import 'server-only';
import { checkSameOrigin, parseJson, requireContentTypeValue } from '@/lib/http/body';
import { AppError } from '@/lib/http/errors';
import { acceptReport, type AcceptResult } from './accept-report';
import { parseReportInput } from './schema';

export type Submission = { headers: Headers; body: string; now?: Date };

/**
 * POST /api/reports without the transport: used by the Next.js route and by the fast path of
 * scripts/serve.ts, so both answer identically. Throws AppError for every refusal.
 */
export async function handleReportSubmission(submission: Submission): Promise<AcceptResult> {
  const { headers } = submission;
  checkSameOrigin(headers);
  requireContentTypeValue(headers.get('content-type'), 'application/json');
  const raw = parseJson(submission.body);
  const now = submission.now ?? new Date();
  const parsed = parseReportInput(raw, { now });
  if (!parsed.ok) {
    throw new AppError('invalid_input', 'Signalement invalide : corrigez les champs indiqués.', { issues: parsed.issues });
  }
  return acceptReport(parsed.value, { headers, now });
}
