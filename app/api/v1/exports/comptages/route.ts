import { exportCounts } from '@/lib/api-v1/exports';
import { parseQuery, preflight, v1Route } from '@/lib/api-v1/http';
import { parsePeriod } from '@/lib/api-v1/period';
import { countsExportQuery } from '@/lib/api-v1/queries';
import { requireKnownScope } from '@/lib/api-v1/reads';
import { requireReadAccess } from '@/lib/auth/read-access';

/** Aggregated counts for any period, streamed (memory stays flat whatever the size). */
export const GET = v1Route(async (req: Request) => {
  const q = parseQuery(countsExportQuery, req.url);
  const now = Date.now();
  const period = parsePeriod(q, { now, defaultDays: 1 });
  await requireReadAccess(req);
  const scope = { platformId: q.plateforme ?? null, academyId: q.academie ?? null };
  await requireKnownScope(scope);
  return exportCounts(req, { filter: { ...period, ...scope, bucket: q.pas, category: q.categorie ?? null }, options: q, now });
});
export const OPTIONS = preflight;
