import { createHash } from 'node:crypto';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n/config';
import { renderBadge, type BadgeStatus } from './badge-svg';
import { ID_SLUG as SLUG } from '@/lib/domain/slug';

/** `pronote.svg` → `pronote`; anything else is a 404 before any database read. */
export function badgeFile(file: string): string {
  const id = file.endsWith('.svg') ? file.slice(0, -'.svg'.length) : '';
  if (!SLUG.test(id)) throw new AppError('not_found', 'Badge introuvable : l’adresse se termine par <service>.svg.');
  return id;
}

export function badgeSlug(value: string): string {
  if (!SLUG.test(value)) throw new AppError('not_found', 'Badge introuvable.');
  return value;
}

export function badgeLocale(req: Request): Locale {
  return new URL(req.url).searchParams.get('langue') === 'en' ? 'en' : 'fr';
}

/** The SVG answer: cacheable for a minute by anyone (the map itself refreshes every few seconds), with an ETag. */
export function badgeResponse(req: Request, badge: { label: string; status: BadgeStatus } | null, locale: Locale): Response {
  if (!badge) throw new AppError('not_found', 'Badge introuvable : service ou académie inconnu.');
  const svg = renderBadge({ ...badge, locale });
  const etag = `"${createHash('sha1').update(svg).digest('base64url')}"`;
  const headers = {
    'content-type': 'image/svg+xml; charset=utf-8',
    'cache-control': 'public, max-age=60, stale-while-revalidate=60',
    etag,
    'access-control-allow-origin': '*',
    // An SVG opened directly must not run anything.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
  };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(svg, { headers });
}
