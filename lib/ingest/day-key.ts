import { randomBytes } from 'node:crypto';
import { getOrCreateDayKey, destroyDayKeysBefore } from '@/lib/db/fingerprint-keys';
import type { PrismaClient } from '@/lib/db/types';
import { DAY_KEY_BYTES, utcDay } from './fingerprint';

/**
 * A day's key outlives its day by this much, for batches received just before midnight and still
 * being planned. After it the key is gone, so that day's fingerprints can no longer be recomputed.
 */
export const DAY_KEY_GRACE_MS = 10 * 60_000;

export type DayKeySource = (now: Date) => Promise<Buffer>;

/** The first day whose key must still exist at `now`; every earlier key is destroyed. */
export function firstKeptDay(now: Date): string {
  return utcDay(new Date(now.getTime() - DAY_KEY_GRACE_MS));
}

/**
 * Random per-day fingerprint keys shared by every instance through the database, cached per
 * process for the day. A key is created only for the current day; nothing kept can derive it.
 */
export function createDayKeySource(db: PrismaClient): DayKeySource {
  const cache = new Map<string, Promise<Buffer>>();
  return (now) => {
    const day = utcDay(now);
    let key = cache.get(day);
    if (!key) {
      key = getOrCreateDayKey(db, day, randomBytes(DAY_KEY_BYTES).toString('hex')).then((hex) => Buffer.from(hex, 'hex'));
      key.catch(() => cache.delete(day));
      for (const old of cache.keys()) if (old < firstKeptDay(now)) cache.delete(old);
      cache.set(day, key);
    }
    return key;
  };
}

/** Destroys the keys of finished days (past the grace period); idempotent, every instance may run it. */
export function destroyExpiredDayKeys(db: PrismaClient, now: Date): Promise<number> {
  return destroyDayKeysBefore(db, firstKeptDay(now));
}
