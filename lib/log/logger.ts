import pino, { type Logger } from 'pino';

import { isLogLevel } from './levels';

export type { Logger };

// The logger exists before lib/env is parsed (it reports configuration errors) and in scripts that never load
// lib/env, so it reads LOG_LEVEL itself; lib/env's schema rejects any other value at start-up.
// eslint-disable-next-line no-restricted-properties -- see above: the one variable read here
const configured = process.env.LOG_LEVEL;

/**
 * The process's root logger: JSON lines on stderr (stdout stays free for the output of command-line
 * tools and load generators), written synchronously so nothing is lost on exit and no worker thread
 * is started. Components log through `logger.child({ component })`.
 */
export const logger: Logger = pino(
  {
    level: isLogLevel(configured) ? configured : 'info',
    base: { pid: process.pid },
    formatters: { level: (label) => ({ level: label }) },
  },
  pino.destination({ fd: 2, sync: true }),
);

/** A child logger tagging every line with `{ component }` (`ingest`, `ratelimit`, `worker`…). */
export function componentLogger(component: string): Logger {
  return logger.child({ component });
}

/** The message of a thrown value, for log fields (stacks stay out of operator logs unless at debug). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
