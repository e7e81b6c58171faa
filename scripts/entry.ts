import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How to start another entry point (with `nodeFlags` before the script) the way this one was started: compiled `dist/<name>.js` with
 * plain node in production, `scripts/<name>.ts` through tsx in development.
 */
export function siblingEntry(name: string, nodeFlags: string[] = []): { command: string; args: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return { command: process.execPath, args: [...nodeFlags, path.join(path.dirname(here), `${name}.js`)] };
  const hooks = path.join(path.dirname(here), 'hooks/register.mjs');
  return { command: process.execPath, args: [...nodeFlags, '--import', 'tsx', '--import', hooks, path.join(path.dirname(here), `${name}.ts`)] };
}

/**
 * V8 flags of the worker, which runs one detector pass a minute and needs no peak speed: Prisma's query
 * compiler (WebAssembly) stays on the baseline compiler and the young generation small; about 75 MB
 * less resident for the worker (bench:memory).
 */
export const WORKER_NODE_FLAGS = ['--liftoff-only', '--max-semi-space-size=2'];
