import { AppError } from '@/lib/http/errors';
import { listRequests, postRequest, services } from '@/lib/open311/handlers';
import { open311Route } from '@/lib/open311/route';

export const dynamic = 'force-dynamic';

type Ctx = RouteContext<'/open311/v2/[file]'>;
const file = async (ctx: Ctx) => (await ctx.params).file;

/** GET /open311/v2/services.json|xml and /open311/v2/requests.json|xml */
export const GET = open311Route(file, async (req, o) => {
  const params = new URL(req.url).searchParams;
  if (o.name === 'services') return services(o.format, params.get('jurisdiction_id'));
  if (o.name === 'requests') return listRequests(o.format, params, o.origin, o.now);
  throw new AppError('not_found', 'Ressource Open311 inconnue.');
});

/** POST /open311/v2/requests.json|xml: a report, under the rules of POST /api/reports. */
export const POST = open311Route(file, async (req, o) => {
  if (o.name !== 'requests') throw new AppError('not_found', 'Ressource Open311 inconnue.');
  return postRequest(o.format, req, o.now);
});
