import type { ProblemCategory, ReporterRole } from '@/lib/domain/types';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

/** A report as published: no fingerprint, device or moderation internals; the comment only once approved. */
export type PublicReport = {
  id: string;
  createdAt: Date;
  platformId: string;
  academyId: string;
  category: ProblemCategory;
  role: ReporterRole | null;
  comment: string | null;
};

export type PublicReportKey = { createdAt: Date; id: string };

/**
 * Counted, not hidden reports over [from, to) in (createdAt, id) order after `after` (keyset), at
 * most `limit`. Comments are returned only when a moderator approved them.
 */
export async function readPublicReports(
  db: PrismaClient,
  input: { from: Date; to: Date; platformId?: string | null; academyId?: string | null; category?: string | null; after?: PublicReportKey | null; limit: number },
): Promise<PublicReport[]> {
  const conditions = [
    Prisma.sql`created_at >= ${input.from}`,
    Prisma.sql`created_at < ${input.to}`,
    Prisma.sql`counted`,
    Prisma.sql`moderation_state <> 'hidden'`,
  ];
  if (input.platformId) conditions.push(Prisma.sql`platform_id = ${input.platformId}`);
  if (input.academyId) conditions.push(Prisma.sql`academy_id = ${input.academyId}`);
  if (input.category) conditions.push(Prisma.sql`category = ${input.category}`);
  // The plain bound lets the planner range-scan the created_at index; the row comparison breaks ties.
  if (input.after) conditions.push(Prisma.sql`created_at >= ${input.after.createdAt}`, Prisma.sql`(created_at, id) > (${input.after.createdAt}::timestamptz, ${input.after.id}::uuid)`);
  const rows = await db.$queryRaw<Array<{ id: string; created_at: Date; platform_id: string; academy_id: string; category: string; role: string | null; comment: string | null }>>`
    SELECT id::text AS id, created_at, platform_id, academy_id, category, role,
           CASE WHEN comment_state = 'approved' THEN comment END AS comment
    FROM report
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY created_at, id
    LIMIT ${input.limit}`;
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    platformId: r.platform_id,
    academyId: r.academy_id,
    category: r.category as ProblemCategory,
    role: r.role as ReporterRole | null,
    comment: r.comment,
  }));
}
