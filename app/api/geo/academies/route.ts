import { getBoundaryAsset } from '@/lib/map/boundaries';
import { requireReadAccess } from '@/lib/auth/read-access';
import { route } from '@/lib/http/route';
import { withTimeout } from '@/lib/http/timeout';

export const dynamic = 'force-dynamic';

/** TopoJSON of the 30 académies: simplified, gzip-compressed by the server, cacheable (ETag + one-day max-age). */
export const GET = route(async (req: Request) => {
  await requireReadAccess(req);
  const asset = await withTimeout(getBoundaryAsset(), 2500);
  const headers = new Headers({
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'public, max-age=86400, stale-while-revalidate=604800',
    etag: asset.etag,
  });
  if (req.headers.get('if-none-match') === asset.etag) return new Response(null, { status: 304, headers });
  return new Response(asset.body, { headers });
});
