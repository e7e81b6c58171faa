import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { moderateReport } from '@/lib/moderation/moderate';
import { reportModerationSchema } from '@/lib/moderation/schema';

export const dynamic = 'force-dynamic';

/** `{ target: 'report' | 'comment', op: 'approve' | 'hide' | 'restore', reason? }` on one report. */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const session = await requireRequestPermission(req, 'moderation.manage');
  const { id } = await ctx.params;
  const body = await readJsonBody(req);
  const input = parseInput(reportModerationSchema, { ...body, reportId: id });
  await moderateReport(actorOf(session), input);
  return json({ ok: true });
});
