import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { NewReportRow } from './reports';

/** What Open311 may show of a report: public fields, and its comment only once a moderator approved it. */
export type PublicReportRow = Pick<NewReportRow, 'id' | 'platformId' | 'academyId' | 'category' | 'role' | 'comment' | 'counted' | 'flagReason' | 'createdAt'> & {
  updatedAt: Date;
};

const SELECT = { id: true, platformId: true, academyId: true, category: true, role: true, comment: true, commentState: true, counted: true, flagReason: true, createdAt: true, updatedAt: true } as const;

function toPublic(row: Prisma.ReportGetPayload<{ select: typeof SELECT }>): PublicReportRow {
  const { commentState, comment, ...rest } = row;
  return { ...rest, comment: commentState === 'approved' ? comment : null };
}

/** Counted, not hidden reports of a period, newest first. */
export async function listPublicReports(
  db: PrismaClient,
  input: { platformIds?: string[]; academyId?: string; from: Date; to: Date; limit: number },
): Promise<PublicReportRow[]> {
  const rows = await db.report.findMany({
    where: {
      counted: true,
      moderationState: { not: 'hidden' },
      createdAt: { gte: input.from, lt: input.to },
      ...(input.platformIds ? { platformId: { in: input.platformIds } } : {}),
      ...(input.academyId ? { academyId: input.academyId } : {}),
    },
    select: SELECT,
    orderBy: { createdAt: 'desc' },
    take: input.limit,
  });
  return rows.map(toPublic);
}

/** One report by id unless a moderator hid it (counted or not: its sender may read back why). */
export async function readPublicReports(db: PrismaClient, ids: string[]): Promise<PublicReportRow[]> {
  const rows = await db.report.findMany({ where: { id: { in: ids }, moderationState: { not: 'hidden' } }, select: SELECT, orderBy: { createdAt: 'desc' } });
  return rows.map(toPublic);
}

/** (platform, académie) pairs with an open incident, for the requests' open/closed status. */
export async function listOpenIncidentAreas(db: PrismaClient): Promise<Array<{ platformId: string; national: boolean; academies: string[] }>> {
  const rows = await db.incident.findMany({ where: { state: 'open' }, select: { platformId: true, scope: true, academies: { select: { academyId: true } } } });
  return rows.map((r) => ({ platformId: r.platformId, national: r.scope === 'national', academies: r.academies.map((a) => a.academyId) }));
}
