import { cachedJson, parseQuery, preflight, v1Route } from '@/lib/api-v1/http';
import { parsePeriodFilter } from '@/lib/api-v1/incident-filter';
import { incidentsQuery } from '@/lib/api-v1/queries';
import { listIncidentsV1, requireKnownScope, toIncidentV1 } from '@/lib/api-v1/reads';
import { requireReadAccess } from '@/lib/auth/read-access';

export const GET = v1Route(async (req: Request) => {
  const q = parseQuery(incidentsQuery, req.url);
  const filter = parsePeriodFilter(q, Date.now());
  await requireReadAccess(req);
  await requireKnownScope(filter);
  const page = await listIncidentsV1({ filter, cursor: q.curseur, limit: q.limite });
  return cachedJson(req, { items: page.items.map(toIncidentV1), nextCursor: page.nextCursor }, 30);
});
export const OPTIONS = preflight;
