import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How to start another entry point the way this one was started: compiled `dist/<name>.js` with
 * plain node in production, `scripts/<name>.ts` through tsx in development.
 */
export function siblingEntry(name: string): { command: string; args: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return { command: process.execPath, args: [path.join(path.dirname(here), `${name}.js`)] };
  const hooks = path.join(path.dirname(here), 'hooks/register.mjs');
  return { command: process.execPath, args: ['--import', 'tsx', '--import', hooks, path.join(path.dirname(here), `${name}.ts`)] };
}
