import { route } from '@/lib/http/route';
import { handleMapStateRequest } from '@/lib/map-state/http';

export const dynamic = 'force-dynamic';

// Our server answers this path itself (lib/server/fast-paths.ts) with the same handleMapStateRequest().
export const GET = route(async (req: Request) => {
  const answer = await handleMapStateRequest({ url: req.url, headers: req.headers });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
});
