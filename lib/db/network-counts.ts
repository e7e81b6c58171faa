import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

export type NetworkScope = { platformId: string; academies: string[] | null; from: Date; to: Date };

const OBSERVED_SKEW_MS = 2 * 60_000;
const OBSERVED_MAX_AGE_MS = 24 * 3_600_000;

// Reports are bucketed by when they were observed, like report_count; the created_at bounds only let the index help.
function scopeConditions(scope: NetworkScope): Prisma.Sql {
  const academies = scope.academies === null ? Prisma.empty : Prisma.sql`AND academy_id = ANY(${scope.academies}::text[])`;
  return Prisma.sql`platform_id = ${scope.platformId} ${academies}
    AND counted AND distinct_reporter AND network_fingerprint IS NOT NULL
    AND created_at >= ${new Date(scope.from.getTime() - OBSERVED_SKEW_MS)}
    AND created_at < ${new Date(scope.to.getTime() + OBSERVED_MAX_AGE_MS)}
    AND date_trunc('minute', coalesce(observed_at, created_at)) >= ${scope.from}
    AND date_trunc('minute', coalesce(observed_at, created_at)) <= ${scope.to}`;
}

/** Distinct networks (IPv4 /24, IPv6 /48 fingerprints) among the distinct reporters of a scope and minute range. */
export async function countReporterNetworks(db: PrismaClient, scope: NetworkScope): Promise<number> {
  const rows = await db.$queryRaw<Array<{ networks: number }>>`
    SELECT count(DISTINCT network_fingerprint)::int AS networks FROM report WHERE ${scopeConditions(scope)}`;
  return rows[0]?.networks ?? 0;
}

/**
 * The minute at which the `rank`-th distinct network first reported in the scope and range (each
 * network counted from its first report), or null when fewer networks reported.
 */
export async function findNetworkArrival(db: PrismaClient, scope: NetworkScope & { rank: number }): Promise<Date | null> {
  const rows = await db.$queryRaw<Array<{ first_at: Date }>>`
    SELECT min(date_trunc('minute', coalesce(observed_at, created_at))) AS first_at
    FROM report WHERE ${scopeConditions(scope)}
    GROUP BY network_fingerprint ORDER BY first_at OFFSET ${scope.rank - 1} LIMIT 1`;
  return rows[0]?.first_at ?? null;
}

/** Whether at least `rank` distinct networks reported in the scope and range (stops looking once it found them). */
export async function hasReporterNetworks(db: PrismaClient, scope: NetworkScope & { rank: number }): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ networks: number }>>`
    SELECT count(*)::int AS networks FROM (
      SELECT DISTINCT network_fingerprint FROM report WHERE ${scopeConditions(scope)} LIMIT ${scope.rank}
    ) AS found`;
  return (rows[0]?.networks ?? 0) >= scope.rank;
}
