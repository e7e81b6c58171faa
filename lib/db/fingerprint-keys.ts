import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The key of `day` (YYYY-MM-DD): the stored one, or `candidate` when none exists yet. Concurrent
 * instances race on the primary key, and every one of them reads back the winner.
 */
export async function getOrCreateDayKey(db: PrismaClient, day: string, candidate: string): Promise<string> {
  await db.fingerprintKey.createMany({ data: [{ day, key: candidate }], skipDuplicates: true });
  const row = await db.fingerprintKey.findUnique({ where: { day }, select: { key: true } });
  if (!row) throw new Error(`fingerprint key of ${day} vanished while being read`);
  return row.key;
}

/** Deletes the keys of every day before `firstKeptDay` (YYYY-MM-DD); returns how many went. */
export async function destroyDayKeysBefore(db: PrismaClient, firstKeptDay: string): Promise<number> {
  const result = await db.fingerprintKey.deleteMany({ where: { day: { lt: firstKeptDay } } });
  return result.count;
}
