import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { createOrganisation, listOrganisationsForAdmin } from '@/lib/organisations/admin';
import { organisationCreateSchema } from '@/lib/organisations/schema';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request) => {
  await requireRequestPermission(req, 'organisations.manage');
  return json({ items: await listOrganisationsForAdmin() });
});

export const POST = route(async (req: Request) => {
  const session = await requireRequestPermission(req, 'organisations.manage');
  const input = parseInput(organisationCreateSchema, await readJsonBody(req));
  return json(await createOrganisation(actorOf(session), input.name), { status: 201 });
});
