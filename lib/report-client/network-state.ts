import type { RetryReason } from './types';

/** What to tell someone whose report is waiting: whose side the problem is on. */
export type WaitingCause = 'offline' | 'unreachable' | 'server' | 'busy';

/**
 * « Pas de connexion » only when the device says it is offline; a request that failed while the
 * device is online means our server did not answer; 5xx, 429 and proof-of-work waits are our side too.
 */
export function waitingCause(reason: RetryReason, online: boolean): WaitingCause {
  if (!online) return 'offline';
  if (reason === 'network') return 'unreachable';
  if (reason === 'rate_limited' || reason === 'pow') return 'busy';
  return 'server';
}
