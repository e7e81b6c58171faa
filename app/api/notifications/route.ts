import { readLimitedBody } from '@/lib/http/body';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { NOTIFY_BODY_LIMIT_BYTES, parseSubscribeRequest } from '@/lib/notify/request';
import { subscribeToNotifications } from '@/lib/notify/subscriptions';

export const dynamic = 'force-dynamic';

export const POST = route(async (req: Request) => {
  const body = await readLimitedBody(req, NOTIFY_BODY_LIMIT_BYTES);
  const { input, backTo } = parseSubscribeRequest({ contentType: req.headers.get('content-type'), body });
  const result = await subscribeToNotifications({ body: input, headers: req.headers });
  if (backTo) return new Response(null, { status: 303, headers: { location: `${backTo}${backTo.includes('?') ? '&' : '?'}alerte=${result.pending ? 'a-confirmer' : 'ok'}` } });
  return json(result, { status: 201 });
});
