import { readLimitedBody, REPORT_BODY_LIMIT_BYTES } from '@/lib/http/body';
import { toResponse } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { answerReportSubmission } from '@/lib/ingest/submission';

export const dynamic = 'force-dynamic';

// Our server answers this path itself (lib/server/fast-paths.ts) with the same answerReportSubmission().
export const POST = route(async (req: Request) => {
  const body = await readLimitedBody(req, REPORT_BODY_LIMIT_BYTES);
  return toResponse(await answerReportSubmission({ headers: req.headers, body }));
});
