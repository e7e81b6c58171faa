import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { requireRequestPermission } from '@/lib/auth/session';
import { dossierRequestSchema } from '@/lib/dossier/schema';
import { listMyDossiers, requestDossier } from '@/lib/dossier/service';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request) => {
  const session = await requireRequestPermission(req, 'dossiers.build');
  return json({ items: await listMyDossiers(session) });
});

/** Queues a dossier; it is built by a job (progress on GET /api/dossiers/[id]). */
export const POST = route(async (req: Request) => {
  const session = await requireRequestPermission(req, 'dossiers.build');
  const input = parseInput(dossierRequestSchema, await readJsonBody(req));
  return json(await requestDossier(session, input), { status: 202 });
});
