import type { PrismaClient } from '../generated/prisma/client';

/**
 * Claims tick `tickAt` of job `name` for `holder`: true for exactly one caller per tick across all
 * instances (the conditional upsert locks the row; later callers see the tick already taken).
 */
export async function claimJobTick(db: PrismaClient, input: { name: string; tickAt: Date; holder: string }): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ name: string }>>`
    INSERT INTO job_lease (name, tick_at, holder, created_at, updated_at)
    VALUES (${input.name}, ${input.tickAt}, ${input.holder}, now(), now())
    ON CONFLICT (name) DO UPDATE SET tick_at = EXCLUDED.tick_at, holder = EXCLUDED.holder, updated_at = now()
    WHERE job_lease.tick_at < EXCLUDED.tick_at
    RETURNING name`;
  return rows.length === 1;
}
