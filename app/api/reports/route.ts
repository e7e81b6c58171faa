import { readLimitedBody, REPORT_BODY_LIMIT_BYTES } from '@/lib/http/body';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { handleReportSubmission } from '@/lib/ingest/submission';

export const dynamic = 'force-dynamic';

// scripts/serve.ts answers this path itself (same function) to skip the framework on the hot path.
export const POST = route(async (req: Request) => {
  const body = await readLimitedBody(req, REPORT_BODY_LIMIT_BYTES);
  const result = await handleReportSubmission({ headers: req.headers, body });
  return json(result.body, { status: result.status });
});
