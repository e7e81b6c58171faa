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

/**
 * The compiled script of `command` when it is node itself (`node` or this executable) running a `.js` file with no
 * node flags, i.e. something this process could run in place of a child (`node dist/serve.js`); null otherwise
 * (development through tsx, flags, another program).
 */
export function inProcessEntry(command: readonly string[], execPath: string): { script: string; args: string[] } | null {
  const [bin, script, ...args] = command;
  if (!bin || !script) return null;
  if (bin !== execPath && bin !== 'node') return null;
  if (script.startsWith('-') || !script.endsWith('.js')) return null;
  return { script, args };
}
