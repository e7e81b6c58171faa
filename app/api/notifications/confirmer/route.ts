import { route } from '@/lib/http/route';
import { parseToken } from '@/lib/notify/request';
import { confirmNotifications } from '@/lib/notify/subscriptions';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request) => {
  await confirmNotifications(parseToken(req.url));
  return new Response('Abonnement confirmé\u00a0: vous serez prévenu quand ce service tombe en panne et quand il remarche.\n', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
});
