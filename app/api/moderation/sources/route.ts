import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { hideSource } from '@/lib/moderation/moderate';
import { sourceHideSchema } from '@/lib/moderation/schema';

export const dynamic = 'force-dynamic';

/** `{ reportId, reason }`: hides every report from that report's source, counters adjusted. */
export const POST = route(async (req: Request) => {
  const session = await requireRequestPermission(req, 'moderation.manage');
  const input = parseInput(sourceHideSchema, await readJsonBody(req));
  return json(await hideSource(actorOf(session), input));
});
