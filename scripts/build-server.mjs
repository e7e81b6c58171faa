// Compiles the production entry points (launcher, HTTP server, worker) to plain JavaScript in
// dist/, so `npm start` runs them with node alone (tsx and the loader hook are for development).
// Dependencies stay in node_modules; our TypeScript (lib/, the generated Prisma client) is bundled.
import { build } from 'esbuild';

const emptyServerOnly = {
  name: 'server-only',
  setup(b) {
    // `server-only` guards client bundles inside Next.js; every module here is server code.
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

await build({
  entryPoints: { 'run-with-db': 'scripts/run-with-db.ts', serve: 'scripts/serve.ts', worker: 'scripts/worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  sourcemap: 'linked',
  plugins: [emptyServerOnly],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log('dist/: run-with-db.js, serve.js, worker.js');
