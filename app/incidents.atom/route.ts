import { atomResponse, feedRequest } from '@/lib/feeds/respond';
import { loadIncidentFeed } from '@/lib/feeds/load-feed';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request) => {
  const { shared, ...request } = feedRequest(req);
  return atomResponse(await loadIncidentFeed(request), shared);
});
