import { readPowSurge, syncPowSurge } from '@/lib/db/pow';
import type { PrismaClient } from '@/lib/db/types';
import { INITIAL_SURGE_STATE, updateSurge, type SurgeConfig, type SurgeState } from './surge';
import { componentLogger } from '@/lib/log/logger';

const MINUTE_MS = 60_000;
/** Width of a shared traffic bucket: the last-minute total is read at this resolution. */
export const SURGE_BUCKET_MS = 5_000;
/** An instance syncs its traffic at most this often, or as soon as SURGE_SYNC_MAX_PENDING piled up. */
export const SURGE_SYNC_MS = 2_000;
export const SURGE_SYNC_MAX_PENDING = 10;

export type SharedSurge = {
  /** Counts one report request at `now`; whether proof of work is currently required everywhere. */
  observe(now: Date, config: SurgeConfig): Promise<boolean>;
  /** Whether proof of work is currently required, as last agreed by the instances. */
  isActive(now: Date): Promise<boolean>;
};

function isSurgeState(value: unknown): value is SurgeState {
  return typeof value === 'object' && value !== null && 'active' in value && 'baselinePerMinute' in value;
}

/**
 * The proof-of-work surge switch shared by every instance: traffic is summed across instances in
 * the database and one state row moves on under a lock. A failing database keeps the last state.
 */
export function createSharedSurge(
  db: PrismaClient,
  options: { id?: string; log?: (message: string) => void } = {},
): SharedSurge {
  const log = options.log ?? ((message: string) => componentLogger('pow').warn(message));
  let state: SurgeState = INITIAL_SURGE_STATE;
  let lastTotal = 0;
  let pending = 0;
  let lastSyncAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;

  async function sync(now: number, config: SurgeConfig): Promise<void> {
    const sent = pending;
    pending = 0;
    lastSyncAt = now;
    try {
      state = await syncPowSurge(db, {
        pending: sent,
        bucketStart: new Date(now - (now % SURGE_BUCKET_MS)),
        windowStart: new Date(now - MINUTE_MS + SURGE_BUCKET_MS - (now % SURGE_BUCKET_MS)),
        windowEnd: new Date(now),
        dropBefore: new Date(now - 10 * MINUTE_MS),
        next: (stored, total) => {
          lastTotal = total;
          return updateSurge({ state: isSurgeState(stored) ? stored : INITIAL_SURGE_STATE, lastMinuteCount: total, now, config });
        },
      }, options.id);
    } catch (error) {
      pending += sent;
      log(`[pow] état de surcharge partagé indisponible : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    async observe(now, config) {
      pending += 1;
      const t = now.getTime();
      // Sync at once when this instance's own requests may be what crosses the switch-on floor.
      const mayCross = !state.active && lastTotal + pending > config.floorOnPerMinute;
      const due = t - lastSyncAt >= SURGE_SYNC_MS || pending >= SURGE_SYNC_MAX_PENDING || mayCross;
      if (due && !inFlight) {
        inFlight = sync(t, config).finally(() => {
          inFlight = null;
        });
      }
      if (inFlight) await inFlight;
      return state.active;
    },
    async isActive(now) {
      if (now.getTime() - lastSyncAt < SURGE_SYNC_MS) return state.active;
      const stored = await readPowSurge<unknown>(db, options.id).catch(() => null);
      if (isSurgeState(stored)) state = stored;
      return state.active;
    },
  };
}
