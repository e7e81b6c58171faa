import { badgeFile, badgeLocale, badgeResponse } from '@/lib/badges/respond';
import { loadBadge } from '@/lib/badges/load-badge';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** GET /badges/pronote.svg: the live status of a service as an SVG badge. */
export const GET = route(async (req: Request, ctx: RouteContext<'/badges/[platform]'>) => {
  const { platform } = await ctx.params;
  return badgeResponse(req, await loadBadge({ platformId: badgeFile(platform) }), badgeLocale(req));
});
