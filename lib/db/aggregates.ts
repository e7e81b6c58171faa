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
