import { requireRequestPermission } from '@/lib/auth/session';
import { getMyDossier } from '@/lib/dossier/service';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request, ctx: RouteContext<'/api/dossiers/[id]'>) => {
  const session = await requireRequestPermission(req, 'dossiers.build');
  const { id } = await ctx.params;
  return json(await getMyDossier(session, id));
});
