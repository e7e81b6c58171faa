import { proofsAtom } from '@/lib/evidence/proofs';
import { readProofs } from '@/lib/evidence/read-proofs';
import { route } from '@/lib/http/route';
import { siteOrigin } from '@/lib/seo/site';

export const dynamic = 'force-dynamic';

export const GET = route(async (req: Request) => {
  const xml = proofsAtom(await readProofs({ limit: 200 }), siteOrigin() ?? new URL(req.url).origin);
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
});
