import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { addNote, listMyNotes } from '@/lib/organisations/notes';
import { noteCreateSchema } from '@/lib/organisations/schema';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request, ctx: RouteContext<'/api/incidents/[id]/notes'>) => {
  const session = await requireRequestPermission(req, 'notes.own');
  const { id } = await ctx.params;
  return json({ items: await listMyNotes(session, id) });
});

export const POST = route(async (req: Request, ctx: RouteContext<'/api/incidents/[id]/notes'>) => {
  const session = await requireRequestPermission(req, 'notes.own');
  const input = parseInput(noteCreateSchema, await readJsonBody(req));
  const { id } = await ctx.params;
  return json(await addNote(session, id, input.body), { status: 201 });
});
