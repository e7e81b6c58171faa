import { createSerwistRoute } from '@serwist/turbopack';

// Builds the service worker (lib/pwa/sw.ts) with the precache list of the build's static files
// (about 330 kB gzipped: every script and style, so the report page works offline after one visit).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'lib/pwa/sw.ts',
  useNativeEsbuild: true,
});
