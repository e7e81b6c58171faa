import { cachedJson, parseQuery, preflight, v1Route } from '@/lib/api-v1/http';
import { noQuery } from '@/lib/api-v1/queries';
import { getIncidentV1 } from '@/lib/api-v1/reads';
import { requireReadAccess } from '@/lib/auth/read-access';

export const GET = v1Route(async (req: Request, ctx: RouteContext<'/api/v1/incidents/[id]'>) => {
  parseQuery(noQuery, req.url);
  const { id } = await ctx.params;
  await requireReadAccess(req);
  const incident = await getIncidentV1(id);
  return cachedJson(req, incident, incident.endedAt ? 300 : 30);
});
export const OPTIONS = preflight;
