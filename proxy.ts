import { NextResponse, type NextRequest } from 'next/server';
import { PRIVATE_PAGE_HEADERS, strictCsp } from '@/lib/auth/csp';
import { LOCALE_HEADER, PATHNAME_HEADER } from '@/lib/i18n/config';
import { splitLocale } from '@/lib/i18n/paths';

const PRIVATE_PATH = /^\/(admin|connexion)(\/|$)/;

function isPrefetch(request: NextRequest): boolean {
  return request.headers.has('next-router-prefetch') || request.headers.get('purpose') === 'prefetch';
}

// Headers and locale only: access is checked by every admin page, server action and route handler, never here.
export function proxy(request: NextRequest) {
  const { locale, path } = splitLocale(request.nextUrl.pathname);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(LOCALE_HEADER, locale);
  requestHeaders.set(PATHNAME_HEADER, `${path}${request.nextUrl.search}`);
  const isPrivate = PRIVATE_PATH.test(path);
  // The English pages are the French ones rendered with English messages; private pages stay French only.
  if (locale !== 'fr' && isPrivate) return new NextResponse(null, { status: 404 });

  let csp: string | null = null;
  if (isPrivate && !isPrefetch(request)) {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
    csp = strictCsp({ nonce, dev: process.env.NODE_ENV === 'development', https });
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
  }
  const response =
    locale === 'fr'
      ? NextResponse.next({ request: { headers: requestHeaders } })
      : NextResponse.rewrite(new URL(`${path}${request.nextUrl.search}`, request.url), { request: { headers: requestHeaders } });
  if (csp) {
    response.headers.set('content-security-policy', csp);
    for (const [name, value] of Object.entries(PRIVATE_PAGE_HEADERS)) response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Pages only: API routes, build assets and files with an extension never go through the proxy.
  matcher: ['/((?!api/|_next/|favicon\\.ico|robots\\.txt|sitemap\\.xml|.*\\.[a-zA-Z0-9]+$).*)'],
};
