import { AppError } from '@/lib/http/errors';
import { discovery } from '@/lib/open311/handlers';
import { open311Route } from '@/lib/open311/route';

export const dynamic = 'force-dynamic';

type Ctx = RouteContext<'/open311/[file]'>;
const file = async (ctx: Ctx) => (await ctx.params).file;

/** GET /open311/discovery.json|xml */
export const GET = open311Route(file, async (_req, o) => {
  if (o.name !== 'discovery') throw new AppError('not_found', 'Ressource Open311 inconnue.');
  return discovery(o.format, o.origin);
});
