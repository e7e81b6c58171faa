import { readProofs } from '@/lib/evidence/read-proofs';
import { parseProofsQuery } from '@/lib/evidence/schema';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request) => {
  const query = parseProofsQuery(new URL(req.url).searchParams);
  const list = await readProofs({ limit: query.limit, before: query.before ? BigInt(query.before) : undefined });
  return Response.json(list, { headers: { 'cache-control': 'public, max-age=60' } });
});
