import { z } from 'zod';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { currentPowChallenge } from '@/lib/ingest/proof-of-work';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ requested: z.enum(['1']).optional() });

/**
 * `{ enabled: false }` normally; a proof-of-work challenge during an abnormal surge, or when the
 * client asks for one (`?requested=1`) because its report needs one to count.
 */
export const GET = route(async (req: Request) => {
  const query = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await currentPowChallenge({ requested: query.requested === '1' }));
});
