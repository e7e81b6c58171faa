import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n/config';
import { siteOrigin } from '@/lib/seo/site';
import { ID_SLUG as SLUG } from '@/lib/domain/slug';

/** Locale of a feed request: `?langue=en` (feeds have no /en path: the proxy does not see files). */
function feedLocale(req: Request): Locale {
  return new URL(req.url).searchParams.get('langue') === 'en' ? 'en' : 'fr';
}

/** A platform or académie id from the path, or a 404 before any database read. */
export function feedSlug(value: string): string {
  if (!SLUG.test(value)) throw new AppError('not_found', 'Flux introuvable.');
  return value;
}

/**
 * What a feed needs from its request: language and origin. Atom wants absolute links; without a
 * configured origin (NEXTAUTH_URL) they use the address the reader used, and caches must not share it.
 */
export function feedRequest(req: Request): { locale: Locale; origin: string; shared: boolean } {
  const configured = siteOrigin();
  return { locale: feedLocale(req), origin: configured ?? new URL(req.url).origin, shared: configured !== null };
}

export function atomResponse(xml: string | null, shared: boolean): Response {
  if (xml === null) throw new AppError('not_found', 'Flux introuvable : service ou académie inconnu.');
  return new Response(xml, {
    headers: {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': shared ? 'public, max-age=60' : 'private, max-age=60',
      'access-control-allow-origin': '*',
    },
  });
}
