import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { userUpdateSchema } from '@/lib/auth/schema';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { updateUser } from '@/lib/auth/users-admin';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** `{ op: 'set_roles' | 'disable' | 'enable' | 'revoke_sessions' | 'issue_reset_link' | 'reset_totp', roles?, reason? }`. */
export const PATCH = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const session = await requireRequestPermission(req, 'users.manage');
  const { id } = await ctx.params;
  const body = await readJsonBody(req);
  const input = parseInput(userUpdateSchema, { ...body, userId: id });
  return json(await updateUser(actorOf(session), input));
});
