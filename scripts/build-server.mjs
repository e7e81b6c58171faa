// Compiles the production entry points (launcher, HTTP server, worker) to plain JavaScript in
// dist/, so `npm start` runs them with node alone (tsx and the loader hook are for development).
// Dependencies stay in node_modules; our TypeScript (lib/, the generated Prisma client) is bundled.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { readCompilerAsFile, useSmallCompiler } from './lib/generated-client.mjs';

/**
 * Node's ESM loader needs the file extension for a subpath of a package without an "exports" map
 * (`next/headers`, `next-auth/jwt`): such imports are kept external with the file they name.
 */
const extensionlessSubpaths = {
  name: 'extensionless-subpaths',
  setup(b) {
    b.onResolve({ filter: /^(@[^/]+\/)?[^./][^/]*\/.+/ }, (args) => {
      const parts = args.path.split('/');
      const pkg = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      const manifest = path.join('node_modules', pkg, 'package.json');
      if (!existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).exports) return undefined;
      if (/\.(c|m)?js$/.test(args.path)) return { path: args.path, external: true };
      const file = path.join('node_modules', `${args.path}.js`);
      return existsSync(file) ? { path: `${args.path}.js`, external: true } : undefined;
    });
  },
};

const emptyServerOnly = {
  name: 'server-only',
  setup(b) {
    // `server-only` guards client bundles inside Next.js; every module here is server code.
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * The generated client as bundled here: its query compiler's base64 read as a file (about 20 MB less resident for
 * server and worker together, bench:memory), and for the worker, which runs one detector pass a minute, Prisma's
 * size-optimised "small" compiler (1.7 MB of WebAssembly instead of 3.4 MB; about 10 MB less). The server keeps the
 * default "fast" build: with "small" the intake throughput fell by about a third (bench:ingest).
 */
const generatedClient = (opts) => ({
  name: 'generated-client',
  setup(b) {
    b.onLoad({ filter: /lib[\\/]generated[\\/]prisma[\\/]internal[\\/]class\.ts$/ }, (args) => {
      const source = readCompilerAsFile(readFileSync(args.path, 'utf8'));
      return { contents: opts.small ? useSmallCompiler(source) : source, loader: 'ts' };
    });
  },
});

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  sourcemap: 'linked',
  // First import of each bundle: Next's AsyncLocalStorage global must exist before next/headers (pulled in by the
  // session reader of /api/health) is evaluated, as `next start` arranges it.
  banner: {
    js: "import 'next/dist/server/node-environment-baseline.js'; import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

// Chunk names change with their content: start from an empty folder so old chunks do not pile up.
rmSync('dist', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: {
    'run-with-db': 'scripts/run-with-db.ts',
    'prepare-db': 'scripts/prepare-db.ts',
    serve: 'scripts/serve.ts',
  },
  // Shared code in chunks (dist/chunk-*.js): on PostgreSQL the launcher runs dist/serve.js in its own process, which
  // then shares the launcher's modules, and PGlite is loaded by the embedded branch only (a dynamic import).
  splitting: true,
  chunkNames: 'chunk-[hash]',
  plugins: [emptyServerOnly, generatedClient({ small: false }), extensionlessSubpaths],
});
await build({
  ...common,
  entryPoints: { worker: 'scripts/worker.ts' },
  plugins: [emptyServerOnly, generatedClient({ small: true }), extensionlessSubpaths],
});
console.log('dist/: run-with-db.js, prepare-db.js, serve.js, worker.js');
