import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { getVapidPublicKey } from '@/lib/notify/vapid';

export const dynamic = 'force-dynamic';

export const GET = route(async () => json({ publicKey: await getVapidPublicKey() }));
