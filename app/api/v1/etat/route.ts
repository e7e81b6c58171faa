import { cachedJson, invalid, preflight, v1Route } from '@/lib/api-v1/http';
import { requireReadAccess } from '@/lib/auth/read-access';
import { getMapState } from '@/lib/map-state/get-map-state';
import { parseMapStateQuery } from '@/lib/map-state/query';

/** The map at an instant: the same state as /api/etat (kept as is), with CORS and a strong ETag. */
export const GET = v1Route(async (req: Request) => {
  const parsed = parseMapStateQuery(Object.fromEntries(new URL(req.url).searchParams), new Date());
  if (!parsed.ok) throw invalid(parsed.issues);
  await requireReadAccess(req);
  const state = await getMapState(parsed.value);
  return cachedJson(req, state, state.live ? 15 : 300);
});
export const OPTIONS = preflight;
