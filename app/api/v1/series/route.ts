import { cachedJson, invalid, preflight, v1Route } from '@/lib/api-v1/http';
import { requireReadAccess } from '@/lib/auth/read-access';
import { getSeries } from '@/lib/series/get-series';
import { parseSeriesQuery } from '@/lib/series/schema';

/** Reporters per minute against the usual band: the same payload as /api/series (kept as is). */
export const GET = v1Route(async (req: Request) => {
  const parsed = parseSeriesQuery(Object.fromEntries(new URL(req.url).searchParams), Date.now());
  if (!parsed.ok) throw invalid(parsed.issues);
  await requireReadAccess(req);
  const series = await getSeries(parsed.value);
  return cachedJson(req, series, parsed.value.window.to < Date.now() - 60_000 ? 300 : 15);
});
export const OPTIONS = preflight;
