import type { PrismaClient } from '@/lib/generated/prisma/client';

/** Counted reports per (platform, académie) since `since`, for the given pairs. */
export async function countRecentByPair(
  db: PrismaClient,
  input: { since: Date; pairs: Array<{ platformId: string; academyId: string }> },
): Promise<Map<string, number>> {
  if (input.pairs.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ platform_id: string; academy_id: string; n: number }>>`
    SELECT c.platform_id, c.academy_id, sum(c.reports)::int AS n
    FROM report_count c
    JOIN unnest(${input.pairs.map((p) => p.platformId)}::text[], ${input.pairs.map((p) => p.academyId)}::text[])
      AS p(platform_id, academy_id) ON p.platform_id = c.platform_id AND p.academy_id = c.academy_id
    WHERE c.bucket_start >= ${input.since}
    GROUP BY c.platform_id, c.academy_id`;
  return new Map(rows.map((r) => [`${r.platform_id}|${r.academy_id}`, r.n]));
}

export type AreaState = { platformId: string; academyId: string; reports: number; reporters: number };

/**
 * Counted reports and distinct reporters per platform × académie over [at - windowMinutes, at),
 * for one platform or all: one indexed range scan of the minute counters (any past `at` works).
 */
export async function readAreaState(
  db: PrismaClient,
  input: { at: Date; windowMinutes: number; platformId?: string },
): Promise<AreaState[]> {
  const from = new Date(input.at.getTime() - input.windowMinutes * 60_000);
  const rows = input.platformId
    ? await db.$queryRaw<Array<{ platform_id: string; academy_id: string; reports: number; reporters: number }>>`
        SELECT platform_id, academy_id, sum(reports)::int AS reports, sum(reporters)::int AS reporters
        FROM report_count
        WHERE platform_id = ${input.platformId} AND bucket_start >= ${from} AND bucket_start < ${input.at}
        GROUP BY platform_id, academy_id`
    : await db.$queryRaw<Array<{ platform_id: string; academy_id: string; reports: number; reporters: number }>>`
        SELECT platform_id, academy_id, sum(reports)::int AS reports, sum(reporters)::int AS reporters
        FROM report_count
        WHERE bucket_start >= ${from} AND bucket_start < ${input.at}
        GROUP BY platform_id, academy_id`;
  return rows.map((r) => ({ platformId: r.platform_id, academyId: r.academy_id, reports: r.reports, reporters: r.reporters }));
}
