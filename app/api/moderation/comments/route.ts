import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { moderateComments } from '@/lib/moderation/comment-actions';
import { getCommentQueue } from '@/lib/moderation/comment-queue';
import { commentActionSchema, queueQuerySchema } from '@/lib/moderation/queue-schema';

export const dynamic = 'force-dynamic';

/** Pending comments: `?service&academie&categorie&role&motif&periode&ordre&apres`, with groups and counts per filter. */
export const GET = route(async (req: Request) => {
  await requireRequestPermission(req, 'moderation.manage');
  const query = parseInput(queueQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  return json(await getCommentQueue({ query }));
});

/** `{ scope: 'one' | 'selection' | 'group' | 'source', op: 'approve' | 'hide', … }`. */
export const POST = route(async (req: Request) => {
  const session = await requireRequestPermission(req, 'moderation.manage');
  const input = parseInput(commentActionSchema, await readJsonBody(req));
  return json(await moderateComments(actorOf(session), input));
});
