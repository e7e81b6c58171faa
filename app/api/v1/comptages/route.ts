import { cachedJson, parseQuery, preflight, v1Route } from '@/lib/api-v1/http';
import { MAX_COUNT_PERIOD_DAYS, parsePeriod } from '@/lib/api-v1/period';
import { countsQuery } from '@/lib/api-v1/queries';
import { listCountsV1, requireKnownScope } from '@/lib/api-v1/reads';
import { requireReadAccess } from '@/lib/auth/read-access';

export const GET = v1Route(async (req: Request) => {
  const q = parseQuery(countsQuery, req.url);
  const now = Date.now();
  const period = parsePeriod(q, { now, defaultDays: 1, maxDays: MAX_COUNT_PERIOD_DAYS[q.pas] });
  await requireReadAccess(req);
  const scope = { platformId: q.plateforme ?? null, academyId: q.academie ?? null };
  await requireKnownScope(scope);
  const page = await listCountsV1({ ...period, ...scope, bucket: q.pas, category: q.categorie ?? null, cursor: q.curseur, limit: q.limite });
  return cachedJson(req, page, period.to.getTime() < now - 60_000 ? 300 : 15);
});
export const OPTIONS = preflight;
