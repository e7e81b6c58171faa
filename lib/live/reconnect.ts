import { backoffDelayMs } from '@/lib/domain/backoff';

export const RECONNECT_BASE_MS = 500;
export const RECONNECT_MAX_MS = 30_000;

/** Server-side reconnection delay (ms) to the bus after `failures` failed attempts, with equal jitter. */
export function busReconnectDelayMs(failures: number, random: () => number = Math.random): number {
  return backoffDelayMs(failures, { baseMs: RECONNECT_BASE_MS, maxMs: RECONNECT_MAX_MS }, random);
}
