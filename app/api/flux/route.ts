import { route } from '@/lib/http/route';
import { liveStreamResponse } from '@/lib/live/web-stream';

export const dynamic = 'force-dynamic';

/** Live deltas (Server-Sent Events). Our server answers this path itself with the same openLiveStream(). */
export const GET = route(async (req: Request) => liveStreamResponse(req));
