import type { IncidentListItem } from '@/lib/domain/dashboard';
import type { IncidentLevel, IncidentState } from '@/lib/domain/types';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { toIncidentItem } from './dashboard';

export type IncidentFilter = {
  platformId?: string | null;
  academyId?: string | null;
  /** Incidents overlapping [from, to): started before `to`, not ended before `from`. */
  from?: Date | null;
  to?: Date | null;
  level?: IncidentLevel | null;
  state?: IncidentState | null;
};

export type IncidentKey = { startedAt: Date; id: string };

/** One page of incidents matching `filter`, newest first ((startedAt, id) descending), after `after`. */
export async function listIncidentPage(
  db: PrismaClient,
  input: { filter: IncidentFilter; after?: IncidentKey | null; limit: number },
): Promise<IncidentListItem[]> {
  const f = input.filter;
  const and: Prisma.IncidentWhereInput[] = [];
  if (f.platformId) and.push({ platformId: f.platformId });
  if (f.academyId) {
    and.push({
      OR: [
        { academies: { some: { academyId: f.academyId } } },
        { scope: 'national', platform: { academies: { some: { academyId: f.academyId } } } },
      ],
    });
  }
  if (f.to) and.push({ startedAt: { lt: f.to } });
  if (f.from) and.push({ OR: [{ endedAt: null }, { endedAt: { gte: f.from } }] });
  if (f.level) and.push({ level: f.level });
  if (f.state) and.push({ state: f.state });
  if (input.after) {
    and.push({ OR: [{ startedAt: { lt: input.after.startedAt } }, { startedAt: input.after.startedAt, id: { lt: input.after.id } }] });
  }
  const rows = await db.incident.findMany({
    where: { AND: and },
    include: { platform: { select: { name: true } }, academies: true },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
  });
  return rows.map(toIncidentItem);
}
