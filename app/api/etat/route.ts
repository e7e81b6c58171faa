import { route } from '@/lib/http/route';
import { handleMapStateRequest } from '@/lib/map-state/http';

export const dynamic = 'force-dynamic';

// scripts/serve.ts answers this path itself (same function) so that polling viewers skip the framework.
export const GET = route(async (req: Request) => {
  const answer = await handleMapStateRequest({ url: req.url, headers: req.headers });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
});
