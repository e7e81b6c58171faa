import { readFileSync } from 'node:fs';

/** Direct children of `pid` (Linux /proc). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/**
 * An instance's tree: launcher → server (dist/serve.js) → worker (dist/worker.js) on the embedded database; on
 * PostgreSQL the launcher becomes the server (launcher = server → worker), known once its worker runs.
 */
export function appTree(launcher: number): { launcher: number; server?: number; worker?: number } {
  const ownWorker = childrenOf(launcher).find((p) => commandOf(p).includes('worker.js'));
  if (ownWorker !== undefined) return { launcher, server: launcher, worker: ownWorker };
  const server = childrenOf(launcher).find((p) => commandOf(p).includes('serve.js'));
  const worker = server ? childrenOf(server).find((p) => commandOf(p).includes('worker.js')) : undefined;
  return { launcher, server, worker };
}

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: still not true after ${timeoutMs} ms`);
}
