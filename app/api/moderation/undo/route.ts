import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { undoModeration } from '@/lib/moderation/comment-actions';
import { undoSchema } from '@/lib/moderation/queue-schema';

export const dynamic = 'force-dynamic';

/** `{ actionId }`: undoes the caller's last comment action (its comments go back to pending). */
export const POST = route(async (req: Request) => {
  const session = await requireRequestPermission(req, 'moderation.manage');
  const input = parseInput(undoSchema, await readJsonBody(req));
  return json(await undoModeration(actorOf(session), input));
});
