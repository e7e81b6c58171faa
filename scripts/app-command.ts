import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The production app server (compiled launcher + HTTP layer, `npm run build`), as spawned by tests and benchmarks. */
export const APP_SERVER_ARGS = ['dist/run-with-db.js', '--', process.execPath, 'dist/serve.js'];

/** Compiles dist/ (`npm run build:server`, about a second) when a checkout has a Next build but no compiled server yet. */
export function ensureServerBuild(): void {
  if (existsSync('dist/serve.js') && existsSync('dist/run-with-db.js') && existsSync('dist/worker.js')) return;
  const result = spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:server a échoué');
}
