import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { LOCALE_HEADER, PATHNAME_HEADER } from '@/lib/i18n/config';
import { splitLocale } from '@/lib/i18n/paths';
import { isPrivatePath, pageSecurityHeaders } from '@/lib/security/page-headers';

function isPrefetch(request: NextRequest): boolean {
  return request.headers.has('next-router-prefetch') || request.headers.get('purpose') === 'prefetch';
}

// Headers and locale only: access is checked by every admin page, server action and route handler, never here.
export function proxy(request: NextRequest) {
  const { locale, path } = splitLocale(request.nextUrl.pathname);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(LOCALE_HEADER, locale);
  requestHeaders.set(PATHNAME_HEADER, `${path}${request.nextUrl.search}`);
  // The English pages are the French ones rendered with English messages; private pages stay French only,
  // so an English address of one leads to the French page rather than to a dead end.
  if (locale !== 'fr' && isPrivatePath(path)) return NextResponse.redirect(new URL(`${path}${request.nextUrl.search}`, request.url), 307);

  let security: Record<string, string> | null = null;
  if (!isPrefetch(request)) {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
    const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
    security = pageSecurityHeaders({ pathname: path, nonce, dev: env.NODE_ENV === 'development', https, tileUrl: env.TILE_URL });
    // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', security['content-security-policy'] ?? '');
  }
  // The /en → / path rewrite itself is in next.config.ts.
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-language', locale);
  for (const [name, value] of Object.entries(security ?? {})) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: API routes (static headers in next.config.ts), build assets and files with an extension skip the proxy.
  matcher: ['/((?!api/|_next/|favicon\\.ico|robots\\.txt|sitemap\\.xml|.*\\.[a-zA-Z0-9]+$).*)'],
};
