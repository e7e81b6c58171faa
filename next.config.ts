import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { API_SECURITY_HEADERS, asHeaderList, BASE_SECURITY_HEADERS, HSTS_HEADER } from './lib/http/security-headers';
import { nextDistDir, preloadRoutes } from './lib/server/built-config';

// Messages per request from lib/i18n/request.ts (French by default, English under /en).
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // A separate build folder lets parallel test runs build without clobbering each other.
  distDir: nextDistDir(process.env),
  poweredByHeader: false,
  compress: true,
  reactStrictMode: true,
  // Route modules load on first request (tens of MB less idle RSS, bench:memory); PRELOAD_ROUTES=on loads them all
  // at start.
  // The production server starts from the build's copy of this configuration (lib/server/built-config.ts), which
  // applies PRELOAD_ROUTES again at start.
  experimental: { preloadEntriesOnStart: preloadRoutes(process.env) },
  serverExternalPackages: ['pg', '@electric-sql/pglite', '@electric-sql/pglite-socket', 'pdfkit', 'pino'],
  outputFileTracingIncludes: { '/api/health': ['./prisma/migrations/**/*'] },
  // English pages are the French pages rendered with English messages: proxy.ts sees /en/* first and sets the
  // locale header, then these rewrites map the path (config rewrites, unlike proxy rewrites, keep prefetches working).
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/en', destination: '/' },
        { source: '/en/:path((?!admin|connexion).*)', destination: '/:path' },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  // HTML pages get their nonce CSP and framing rule from proxy.ts (lib/security/page-headers.ts); these apply everywhere.
  async headers() {
    return [
      { source: '/:path*', headers: asHeaderList(BASE_SECURITY_HEADERS) },
      { source: '/api/:path*', headers: asHeaderList(API_SECURITY_HEADERS) },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: asHeaderList(HSTS_HEADER),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
