import { route } from '@/lib/http/route';
import { parseToken } from '@/lib/notify/request';
import { unsubscribeFromNotifications } from '@/lib/notify/subscriptions';

export const dynamic = 'force-dynamic';

async function unsubscribe(req: Request): Promise<Response> {
  await unsubscribeFromNotifications(parseToken(req.url));
  return new Response('Vous êtes désabonné\u00a0: plus aucune notification ne vous sera envoyée.\n', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

export const GET = route(unsubscribe);
/** RFC 8058 one-click unsubscribe (List-Unsubscribe-Post) posts here. */
export const POST = route(unsubscribe);
