import type { IncidentLevel, IncidentState } from '@/lib/domain/types';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { IncidentRecord } from '@/lib/domain/map-state';

/** An incident row as changed, with the académies its platform serves (a national incident covers them). */
export type ChangedIncident = { record: IncidentRecord; state: IncidentState; updatedAt: number; served: readonly string[] };

const LIMIT = 500;

/** Incidents whose row changed at or after `since` (oldest change first), for the live stream. */
export async function listIncidentsUpdatedSince(db: PrismaClient, since: Date): Promise<ChangedIncident[]> {
  const rows = await db.incident.findMany({
    where: { updatedAt: { gte: since } },
    select: {
      id: true,
      platformId: true,
      scope: true,
      level: true,
      state: true,
      startedAt: true,
      detectedAt: true,
      endedAt: true,
      updatedAt: true,
      academies: { select: { academyId: true, joinedAt: true } },
      platform: { select: { academies: { select: { academyId: true } } } },
    },
    orderBy: { updatedAt: 'asc' },
    take: LIMIT,
  });
  return rows.map((r) => ({
    record: {
      id: r.id,
      platformId: r.platformId,
      level: r.level as IncidentLevel,
      startedAt: r.startedAt,
      detectedAt: r.detectedAt,
      endedAt: r.endedAt,
      national: r.scope === 'national',
      academies: r.academies,
    },
    state: r.state as IncidentState,
    updatedAt: r.updatedAt.getTime(),
    served: r.platform.academies.map((a) => a.academyId),
  }));
}
