import { atomResponse, feedRequest, feedSlug } from '@/lib/feeds/respond';
import { loadIncidentFeed } from '@/lib/feeds/load-feed';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request, ctx: RouteContext<'/plateformes/[id]/incidents.atom'>) => {
  const { id } = await ctx.params;
  const { shared, ...request } = feedRequest(req);
  return atomResponse(await loadIncidentFeed({ ...request, platformId: feedSlug(id) }), shared);
});
