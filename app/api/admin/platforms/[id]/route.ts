import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { retirePlatform, updatePlatform } from '@/lib/catalog/admin';
import { platformRetireSchema, platformUpdateSchema } from '@/lib/catalog/schema';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

async function bodyWithId(req: Request, ctx: Ctx): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req);
  return { ...body, id: (await ctx.params).id };
}

/** Replaces the editable fields and académies of a catalogue entry. */
export const PUT = route(async (req: Request, ctx: Ctx) => {
  const session = await requireRequestPermission(req, 'catalog.manage');
  await updatePlatform(actorOf(session), parseInput(platformUpdateSchema, await bodyWithId(req, ctx)));
  return json({ ok: true });
});

/** `{ op: 'retire' | 'restore', reason }`: a retired platform keeps its reports and incidents. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const session = await requireRequestPermission(req, 'catalog.manage');
  await retirePlatform(actorOf(session), parseInput(platformRetireSchema, await bodyWithId(req, ctx)));
  return json({ ok: true });
});
