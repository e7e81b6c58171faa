import { requireRequestPermission } from '@/lib/auth/session';
import { downloadMyDossier } from '@/lib/dossier/service';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request, ctx: RouteContext<'/api/dossiers/[id]/zip'>) => {
  const session = await requireRequestPermission(req, 'dossiers.build');
  const { id } = await ctx.params;
  const { stream, sizeBytes, fileName } = await downloadMyDossier(session, id);
  return new Response(stream, {
    headers: {
      'content-type': 'application/zip', 'content-length': String(sizeBytes),
      'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'private, no-store',
    },
  });
});
