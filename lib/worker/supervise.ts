import { spawn, type ChildProcess } from 'node:child_process';
import { backoffDelayMs } from '@/lib/domain/backoff';
import { componentLogger } from '@/lib/log/logger';

export const RESTART_BASE_MS = 1_000;
export const RESTART_MAX_MS = 60_000;
/** A child that ran this long before dying starts its back-off over. */
const HEALTHY_RUN_MS = 60_000;

export type Supervised = { pid(): number | undefined; restarts(): number; stop(graceMs?: number): Promise<void> };

/**
 * Runs `command` as a child tied to this process by an IPC channel (the child exits on
 * 'disconnect', so it dies with us even on SIGKILL) and restarts it with back-off when it dies.
 */
export function superviseChild(opts: {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Supervised {
  const logger = componentLogger('supervisor');
  const log = opts.log ?? ((line: string) => logger.warn(line));
  let child: ChildProcess | null = null;
  let stopping = false;
  let failures = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | null = null;

  const launch = () => {
    timer = null;
    const startedAt = Date.now();
    // eslint-disable-next-line no-restricted-properties -- the child inherits the environment as is; nothing is read from it here
    const current = spawn(opts.command, opts.args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: opts.env ?? process.env });
    child = current;
    current.on('error', (error) => log(`[${opts.name}] lancement impossible : ${error.message}`));
    current.on('exit', (code, signal) => {
      if (stopping) return;
      failures = Date.now() - startedAt > HEALTHY_RUN_MS ? 0 : failures + 1;
      const delay = backoffDelayMs(failures, { baseMs: RESTART_BASE_MS, maxMs: RESTART_MAX_MS });
      log(`[${opts.name}] arrêté (${signal ?? `code ${code}`}), relancé dans ${Math.round(delay / 100) / 10} s`);
      restarts += 1;
      timer = setTimeout(launch, delay);
      timer.unref();
    });
  };
  launch();

  return {
    pid: () => child?.pid,
    restarts: () => restarts,
    async stop(graceMs = 5_000) {
      stopping = true;
      if (timer) clearTimeout(timer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.kill('SIGTERM');
      const kill = setTimeout(() => current.kill('SIGKILL'), graceMs);
      await gone;
      clearTimeout(kill);
    },
  };
}

/** In a supervised child: calls `onGone` once the parent's IPC channel closes (parent exited or was killed). */
export function onParentGone(onGone: () => void): void {
  if (!process.send) return;
  // The parent may have died while this process was still loading: the event is gone by then.
  if (!process.connected) {
    onGone();
    return;
  }
  process.once('disconnect', onGone);
}
