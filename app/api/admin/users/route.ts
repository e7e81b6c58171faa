import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { userCreateSchema } from '@/lib/auth/schema';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { createUser, listUsersForAdmin } from '@/lib/auth/users-admin';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request) => {
  await requireRequestPermission(req, 'users.manage');
  return json({ items: await listUsersForAdmin() });
});

/** Creates an account without password; answers its one-time setup link (path). */
export const POST = route(async (req: Request) => {
  const session = await requireRequestPermission(req, 'users.manage');
  const input = parseInput(userCreateSchema, await readJsonBody(req));
  const { user, link } = await createUser(actorOf(session), input);
  return json({ id: user.id, email: user.email, roles: user.roles, setupLink: link }, { status: 201 });
});
