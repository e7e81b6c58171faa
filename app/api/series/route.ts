import { AppError } from '@/lib/http/errors';
import { requireReadAccess } from '@/lib/auth/read-access';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { getSeries } from '@/lib/series/get-series';
import { parseSeriesQuery } from '@/lib/series/schema';

/** Distinct reporters per minute against the baseline band, for a platform, an académie or both. */
export const GET = route(async (req: Request) => {
  await requireReadAccess(req);
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = parseSeriesQuery(params, Date.now());
  if (!parsed.ok) {
    throw new AppError('invalid_input', parsed.issues.map((i) => i.message).join(' '), { issues: parsed.issues });
  }
  const series = await getSeries(parsed.value);
  const past = parsed.value.window.to < Date.now() - 60_000;
  return json(series, { headers: { 'cache-control': past ? 'public, max-age=300' : 'public, max-age=15' } });
});
