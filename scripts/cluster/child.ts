import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Starts a non-Node program that the kernel stops (`deathSignal`) if this process dies, even by
 * SIGKILL (util-linux `setpriv --pdeathsig`), so no test or cluster run leaves a daemon behind.
 */
export function spawnTied(
  command: string,
  args: string[],
  opts: SpawnOptions & { user?: string; deathSignal?: NodeJS.Signals } = {},
): ChildProcess {
  const { user, deathSignal = 'SIGTERM', ...spawnOptions } = opts;
  const identity = user ? ['--reuid', user, '--regid', user, '--init-groups'] : [];
  const signal = deathSignal.replace(/^SIG/, '');
  return spawn('setpriv', [...identity, '--pdeathsig', signal, '--', command, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...spawnOptions,
  });
}

/** Resolves when `child` has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopChild(child: ChildProcess, graceMs = 5_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  child.kill('SIGCONT');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

/** Polls `check` until it resolves true, or throws after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms`);
}
