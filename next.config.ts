import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Messages per request from lib/i18n/request.ts (French by default, English under /en).
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // A separate build folder lets parallel test runs build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  compress: true,
  reactStrictMode: true,
  // Type checking runs in `npm test` (tsc --noEmit); `npm start` should not pay for it twice.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['pg', '@electric-sql/pglite', '@electric-sql/pglite-socket'],
  outputFileTracingIncludes: { '/api/health': ['./prisma/migrations/**/*'] },
  // The admin and sign-in pages get a nonce-based CSP and no-store from proxy.ts; these apply everywhere.
  async headers() {
    const everywhere = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), payment=(), usb=(), interest-cohort=(), geolocation=(self)' },
    ];
    return [
      { source: '/:path*', headers: everywhere },
      {
        source: '/((?!admin|connexion).*)',
        headers: [{ key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'" }],
      },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
