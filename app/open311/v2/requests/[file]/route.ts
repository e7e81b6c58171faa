import { readRequest } from '@/lib/open311/handlers';
import { open311Route } from '@/lib/open311/route';

export const dynamic = 'force-dynamic';

type Ctx = RouteContext<'/open311/v2/requests/[file]'>;

/** GET /open311/v2/requests/<service_request_id>.json|xml */
export const GET = open311Route(async (ctx: Ctx) => (await ctx.params).file, async (_req, o) => readRequest(o.format, o.name, o.origin));
