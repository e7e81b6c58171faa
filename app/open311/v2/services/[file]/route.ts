import { service } from '@/lib/open311/handlers';
import { open311Route } from '@/lib/open311/route';

export const dynamic = 'force-dynamic';

type Ctx = RouteContext<'/open311/v2/services/[file]'>;

/** GET /open311/v2/services/<service_code>.json|xml: the attributes a request carries. */
export const GET = open311Route(async (ctx: Ctx) => (await ctx.params).file, async (_req, o) => service(o.format, o.name));
