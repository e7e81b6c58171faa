import { acceptReport } from '@/lib/ingest/accept-report';
import { parseReportInput } from '@/lib/ingest/schema';
import { parseJson, readLimitedBody, REPORT_BODY_LIMIT_BYTES, requireContentType, requireSameOrigin } from '@/lib/http/body';
import { AppError } from '@/lib/http/errors';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(async (req: Request) => {
  requireSameOrigin(req);
  requireContentType(req, 'application/json');
  const raw = parseJson(await readLimitedBody(req, REPORT_BODY_LIMIT_BYTES));
  const now = new Date();
  const parsed = parseReportInput(raw, { now });
  if (!parsed.ok) {
    throw new AppError('invalid_input', 'Signalement invalide : corrigez les champs indiqués.', { issues: parsed.issues });
  }
  const result = await acceptReport(parsed.value, { headers: req.headers, now });
  return json(result.body, { status: result.status });
});
