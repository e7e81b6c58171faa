import { requireReadAccess } from '@/lib/http/read-access';
import { route } from '@/lib/http/route';
import { getLiveRuntime } from '@/lib/live/runtime';
import { liveStreamResponse } from '@/lib/live/web-stream';

export const dynamic = 'force-dynamic';

/** Live deltas (Server-Sent Events). scripts/serve.ts answers this path itself; this serves other setups. */
export const GET = route(async (req: Request) => {
  await requireReadAccess(req);
  return liveStreamResponse(getLiveRuntime().hub, req);
});
