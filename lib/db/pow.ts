import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/** The one surge state of a deployment; tests give theirs another id. */
export const SURGE_ID = 'global';

/** Marks a challenge nonce as used until `expiresAt`; false when some instance already used it. */
export async function claimPowChallenge(db: PrismaClient, input: { nonce: string; expiresAt: Date; now: Date }): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ nonce: string }>>`
    INSERT INTO pow_used_challenge (nonce, expires_at, created_at, updated_at)
    VALUES (${input.nonce}, ${input.expiresAt}, ${input.now}, ${input.now})
    ON CONFLICT (nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at
      WHERE pow_used_challenge.expires_at <= ${input.now}
    RETURNING nonce`;
  return rows.length === 1;
}

/** Drops used challenges that have expired (they can no longer verify anyway). */
export async function purgeUsedPowChallenges(db: PrismaClient, now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM pow_used_challenge WHERE expires_at <= ${now}`;
}

export type SurgeSync<S> = {
  /** Requests seen by this instance since its last sync, and the bucket they go to. */
  pending: number;
  bucketStart: Date;
  /** The counted window: the total sums buckets in [windowStart, windowEnd]. */
  windowStart: Date;
  windowEnd: Date;
  /** Traffic buckets older than this are deleted. */
  dropBefore: Date;
  /** Next state from the stored one (null before the first) and the total of every instance. */
  next: (stored: S | null, total: number) => S;
};

/**
 * Adds this instance's traffic to the shared counter and moves the one shared surge state on, in one
 * transaction holding the state row's lock, so concurrent instances apply their updates in turn.
 */
export async function syncPowSurge<S extends Prisma.InputJsonValue>(db: PrismaClient, sync: SurgeSync<S>, id = SURGE_ID): Promise<S> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO pow_surge (id, state, created_at, updated_at) VALUES (${id}, 'null'::jsonb, now(), now())
      ON CONFLICT (id) DO NOTHING`;
    const [row] = await tx.$queryRaw<Array<{ state: S | null }>>`SELECT state FROM pow_surge WHERE id = ${id} FOR UPDATE`;
    if (sync.pending > 0) {
      await tx.$executeRaw`
        INSERT INTO pow_traffic (surge_id, bucket_start, count, created_at, updated_at) VALUES (${id}, ${sync.bucketStart}, ${sync.pending}, now(), now())
        ON CONFLICT (surge_id, bucket_start) DO UPDATE SET count = pow_traffic.count + EXCLUDED.count, updated_at = now()`;
    }
    await tx.$executeRaw`DELETE FROM pow_traffic WHERE surge_id = ${id} AND bucket_start < ${sync.dropBefore}`;
    const [sum] = await tx.$queryRaw<Array<{ total: number }>>`
      SELECT coalesce(sum(count), 0)::int AS total FROM pow_traffic
      WHERE surge_id = ${id} AND bucket_start >= ${sync.windowStart} AND bucket_start <= ${sync.windowEnd}`;
    const state = sync.next(row?.state ?? null, sum?.total ?? 0);
    await tx.$executeRaw`UPDATE pow_surge SET state = ${JSON.stringify(state)}::jsonb, updated_at = now() WHERE id = ${id}`;
    return state;
  });
}

/** The shared surge state as last written by any instance, or null. */
export async function readPowSurge<S>(db: PrismaClient, id = SURGE_ID): Promise<S | null> {
  const rows = await db.$queryRaw<Array<{ state: S | null }>>`SELECT state FROM pow_surge WHERE id = ${id}`;
  return rows[0]?.state ?? null;
}
