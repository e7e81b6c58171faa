import 'server-only';
import { parseJson, requireContentTypeValue } from '@/lib/http/body';
import { toErrorPayload } from '@/lib/http/error-payload';
import { AppError } from '@/lib/http/errors';
import { requireSameOrigin } from '@/lib/http/origin';
import type { HttpAnswer } from '@/lib/http/respond';
import type { Spans } from '@/lib/http/server-timing';
import { acceptReport, type AcceptResult } from './accept-report';
import { parseReportInput } from './schema';

export type Submission = { headers: Headers; body: string; now?: Date; timing?: Spans };

/** POST /api/reports once its body is read: throws AppError for every refusal. */
export async function handleReportSubmission(submission: Submission): Promise<AcceptResult> {
  const { headers } = submission;
  requireSameOrigin(headers);
  requireContentTypeValue(headers.get('content-type'), 'application/json');
  const raw = parseJson(submission.body);
  const now = submission.now ?? new Date();
  const parsed = parseReportInput(raw, { now });
  if (!parsed.ok) {
    throw new AppError('invalid_input', 'Signalement invalide : corrigez les champs indiqués.', { issues: parsed.issues });
  }
  submission.timing?.mark('parse');
  return acceptReport(parsed.value, { headers, now, timing: submission.timing });
}

/**
 * POST /api/reports without the transport: the answer of app/api/reports/route.ts and of our
 * server's fast path (lib/server/fast-paths.ts) alike, refusals included.
 */
export async function answerReportSubmission(submission: Submission): Promise<HttpAnswer> {
  try {
    const result = await handleReportSubmission(submission);
    return {
      status: result.status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify(result.body),
    };
  } catch (error) {
    return toErrorPayload(error);
  }
}
