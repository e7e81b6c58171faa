import { badgeFile, badgeLocale, badgeResponse, badgeSlug } from '@/lib/badges/respond';
import { loadBadge } from '@/lib/badges/load-badge';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** GET /badges/pronote/creteil.svg: the live status of a service in one académie. */
export const GET = route(async (req: Request, ctx: RouteContext<'/badges/[platform]/[academy]'>) => {
  const { platform, academy } = await ctx.params;
  return badgeResponse(req, await loadBadge({ platformId: badgeSlug(platform), academyId: badgeFile(academy) }), badgeLocale(req));
});
