import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { createPlatform, listPlatformsForAdmin } from '@/lib/catalog/admin';
import { platformCreateSchema } from '@/lib/catalog/schema';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request) => {
  await requireRequestPermission(req, 'catalog.manage');
  return json({ items: await listPlatformsForAdmin() });
});

export const POST = route(async (req: Request) => {
  const session = await requireRequestPermission(req, 'catalog.manage');
  const input = parseInput(platformCreateSchema, await readJsonBody(req));
  await createPlatform(actorOf(session), input);
  return json({ id: input.id }, { status: 201 });
});
