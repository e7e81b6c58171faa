import { cachedJson, parseQuery, preflight, v1Route } from '@/lib/api-v1/http';
import { noQuery } from '@/lib/api-v1/queries';
import { listAcademiesV1 } from '@/lib/api-v1/reads';
import { requireReadAccess } from '@/lib/auth/read-access';

export const GET = v1Route(async (req: Request) => {
  parseQuery(noQuery, req.url);
  await requireReadAccess(req);
  return cachedJson(req, await listAcademiesV1(), 300);
});
export const OPTIONS = preflight;
