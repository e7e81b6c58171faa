import { acceptReport } from '@/lib/ingest/accept-report';
import { parseReportForm } from '@/lib/ingest/schema';
import { readLimitedBody, REPORT_BODY_LIMIT_BYTES, requireContentType } from '@/lib/http/body';
import { requireSameOrigin } from '@/lib/http/origin';
import { isAppError } from '@/lib/http/errors';
import { DEFAULT_LOCALE, isLocale, LOCALE_HEADER, type Locale } from '@/lib/i18n/config';
import { localizePath } from '@/lib/i18n/paths';
import { route } from '@/lib/http/route';
import { COMMENT_MAX_LENGTH } from '@/lib/ingest/thresholds';
import { buildRetryLocation, buildThanksLocation, issuesToFormIssues, type CodedIssue } from '@/lib/report-client/form-errors';
import { FORM_LEVEL_FIELD } from '@/lib/report-client/form-fields';

export const dynamic = 'force-dynamic';

const RETRY_FIELDS = ['plateforme', 'academie', 'probleme', 'role', 'commentaire'];

/** Back to the form or on to the confirmation, in the language of the page that posted (header set by proxy.ts). */
function seeOther(req: Request, location: string): Response {
  const requested = req.headers.get(LOCALE_HEADER);
  const locale: Locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return new Response(null, { status: 303, headers: { location: localizePath(locale, location), 'cache-control': 'no-store' } });
}

/** The values to prefill the form with again (bounded: they go into a URL). */
function retryValues(form: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of RETRY_FIELDS) values[name] = (form[name] ?? '').slice(0, name === 'commentaire' ? COMMENT_MAX_LENGTH : 64);
  return values;
}

/** Refusals the person can act on go back to the form; anything else is a plain error response. */
function refusalIssues(error: unknown): CodedIssue[] | null {
  if (!isAppError(error)) return null;
  if (error.code === 'invalid_input') {
    const issues = issuesToFormIssues(error.details?.issues ?? []);
    return issues.length > 0 ? issues : [{ field: FORM_LEVEL_FIELD, code: 'internal' }];
  }
  if (error.code === 'rate_limited' || error.code === 'unavailable' || error.code === 'forbidden') {
    return [{ field: FORM_LEVEL_FIELD, code: error.code }];
  }
  return null;
}

/** The report form without JavaScript: urlencoded body in, 303 to the confirmation or back to the form. */
export const POST = route(async (req: Request) => {
  requireSameOrigin(req.headers);
  requireContentType(req, 'application/x-www-form-urlencoded');
  const form = Object.fromEntries(new URLSearchParams(await readLimitedBody(req, REPORT_BODY_LIMIT_BYTES)));
  const now = new Date();
  const parsed = parseReportForm(form, { now });
  if (!parsed.ok) return seeOther(req, buildRetryLocation(retryValues(form), issuesToFormIssues(parsed.issues)));
  try {
    const result = await acceptReport(parsed.value, { headers: req.headers, now });
    return seeOther(req, buildThanksLocation(result.body));
  } catch (error) {
    const issues = refusalIssues(error);
    if (!issues) throw error;
    return seeOther(req, buildRetryLocation(retryValues(form), issues));
  }
});
