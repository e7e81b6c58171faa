import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { changeMembership } from '@/lib/organisations/admin';
import { membershipSchema } from '@/lib/organisations/schema';

export const dynamic = 'force-dynamic';

async function handle(req: Request, ctx: RouteContext<'/api/admin/organisations/[id]/members'>, remove: boolean) {
  const session = await requireRequestPermission(req, 'organisations.manage');
  const { userId } = parseInput(membershipSchema, await readJsonBody(req));
  const { id } = await ctx.params;
  await changeMembership(actorOf(session), { organisationId: id, userId, remove });
  return json({ ok: true });
}

/** Attaches an account to the organisation (moving it from another one). */
export const POST = route((req: Request, ctx: RouteContext<'/api/admin/organisations/[id]/members'>) => handle(req, ctx, false));

export const DELETE = route((req: Request, ctx: RouteContext<'/api/admin/organisations/[id]/members'>) => handle(req, ctx, true));
