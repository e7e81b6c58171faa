import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { isSameOrigin } from '@/lib/http/origin';
import { isMalformedPath, notFoundPathFor } from '@/lib/http/path-check';
import { readPeer } from '@/lib/http/peer';
import { API_SECURITY_HEADERS } from '@/lib/http/security-headers';
import { LOCALE_HEADER, PATHNAME_HEADER } from '@/lib/i18n/config';
import { splitLocale } from '@/lib/i18n/paths';
import { isPrivatePath, pageSecurityHeaders } from '@/lib/security/page-headers';

const MALFORMED_BODY = JSON.stringify({ error: { code: 'invalid_input', message: 'Adresse invalide : caractères mal encodés.' } });
const FORBIDDEN_BODY = JSON.stringify({ error: { code: 'forbidden', message: 'Requête d’un autre site refusée.' } });

// Headers and locale only: access is checked by every admin page, server action and route handler, never here.
export function proxy(request: NextRequest) {
  // API routes run the proxy only to refuse malformed paths when no lib/server stands in front (`next start`).
  if (request.nextUrl.pathname.startsWith('/api/')) {
    if (!isMalformedPath(request.nextUrl.pathname)) return NextResponse.next();
    return new NextResponse(MALFORMED_BODY, { status: 400, headers: { 'content-type': 'application/json; charset=utf-8', ...API_SECURITY_HEADERS } });
  }
  const { locale, path } = splitLocale(request.nextUrl.pathname);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(LOCALE_HEADER, locale);
  requestHeaders.set(PATHNAME_HEADER, `${path}${request.nextUrl.search}`);
  // The English pages are the French ones rendered with English messages; private pages stay French only,
  // so an English address of one leads to the French page rather than to a dead end.
  if (locale !== 'fr' && isPrivatePath(path)) return NextResponse.redirect(new URL(`${path}${request.nextUrl.search}`, request.url), 307);

  // Server actions and form posts: the same origin check as route handlers (lib/http/origin.ts).
  if (request.method !== 'GET' && request.method !== 'HEAD' && !isSameOrigin(request.headers)) {
    return new NextResponse(FORBIDDEN_BODY, { status: 403, headers: { 'content-type': 'application/json; charset=utf-8' } });
  }
  // Next.js checks server actions against X-Forwarded-Host when present: only a trusted proxy may set it.
  if (!readPeer(request.headers)?.trustedProxy) requestHeaders.delete('x-forwarded-host');

  // Every page answer carries its policy, prefetches included (a client-sent Purpose header must not remove it).
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const security = pageSecurityHeaders({ pathname: path, nonce, dev: env.NODE_ENV === 'development', https, tileUrl: env.TILE_URL });
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', security['content-security-policy'] ?? '');
  if (isMalformedPath(request.nextUrl.pathname)) {
    return withHeaders(NextResponse.rewrite(new URL(notFoundPathFor(request.nextUrl.pathname), request.url), { request: { headers: requestHeaders } }), locale, security);
  }
  // The /en → / path rewrite itself is in next.config.ts.
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), locale, security);
}

function withHeaders(response: NextResponse, locale: string, security: Record<string, string>): NextResponse {
  response.headers.set('content-language', locale);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages and API paths (API answers untouched unless malformed); build assets and files with an extension skip it.
  // Files are skipped by their known extensions only: a page path such as /plateformes/..a still gets its headers.
  matcher: ['/((?!api/|_next/|favicon\\.ico|robots\\.txt|sitemap\\.xml|.*\\.(?:svg|png|ico|webmanifest|txt|xml|json|atom|js|css|map|woff2?)$).*)', '/api/:path*'],
};
