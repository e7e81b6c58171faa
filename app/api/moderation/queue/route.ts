import { requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { getModerationQueue } from '@/lib/moderation/moderate';

export const dynamic = 'force-dynamic';

/** Pending comments, flagged reports, flagged sources (short labels only) and recently hidden reports. */
export const GET = route(async (req: Request) => {
  await requireRequestPermission(req, 'moderation.manage');
  return json(await getModerationQueue());
});
