import type { NextConfig } from 'next';

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
};

export default nextConfig;
