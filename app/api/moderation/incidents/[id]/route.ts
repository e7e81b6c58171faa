import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { moderateIncident } from '@/lib/moderation/incidents';
import { incidentModerationSchema } from '@/lib/moderation/schema';

export const dynamic = 'force-dynamic';

/** `{ op: 'annotate' | 'dismiss' | 'merge' | 'split', … }` on one incident. */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const session = await requireRequestPermission(req, 'incidents.manage');
  const { id } = await ctx.params;
  const body = await readJsonBody(req);
  const input = parseInput(incidentModerationSchema, { ...body, incidentId: id });
  return json(await moderateIncident(actorOf(session), input));
});
