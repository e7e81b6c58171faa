import { journalQuerySchema, readJournal } from '@/lib/audit/journal';
import { parseInput } from '@/lib/auth/request-body';
import { requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** The audit journal, newest first (`?before=<id>` pages, `?verify=1` checks the hash chain). */
export const GET = route(async (req: Request) => {
  await requireRequestPermission(req, 'audit.read');
  const query = parseInput(journalQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  return json(await readJournal(query));
});
