import type { IncidentChange, PersistedIncident } from '@/lib/domain/detection';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { uuidv7 } from '@/lib/domain/uuid';
import { countReporterNetworks } from './network-counts';

type Tx = Prisma.TransactionClient;

export async function listIncidentsNear(db: PrismaClient, since: Date): Promise<PersistedIncident[]> {
  const rows = await db.incident.findMany({
    where: { OR: [{ state: 'open' }, { endedAt: { gte: since } }, { startedAt: { gte: since } }] },
    include: { academies: { select: { academyId: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    platformId: r.platformId,
    state: r.state as PersistedIncident['state'],
    level: r.level as PersistedIncident['level'],
    startedAt: r.startedAt.getTime(),
    endedAt: r.endedAt?.getTime() ?? null,
    scopes: [...(r.scope === 'national' ? ['national'] : []), ...r.academies.map((a) => a.academyId)],
  }));
}

async function addEvent(tx: Tx, incidentId: string, at: number, kind: string, data: Prisma.InputJsonValue = {}) {
  await tx.incidentEvent.create({ data: { incidentId, at: new Date(at), kind, data } });
}

async function joinAcademies(tx: Tx, incidentId: string, scopes: string[], at: number, level: string) {
  for (const academyId of scopes.filter((s) => s !== 'national')) {
    await tx.incidentAcademy.upsert({
      where: { incidentId_academyId: { incidentId, academyId } },
      create: { incidentId, academyId, joinedAt: new Date(at), level },
      update: {},
    });
    await addEvent(tx, incidentId, at, 'academy_joined', { academyId });
  }
}

/**
 * Applies one detection run's changes; every change appends to the incident's timeline. `now` is the
 * pass's time (epoch ms; a replayed pass is in the past): académies joining are dated by it. Returns touched ids.
 */
export async function applyIncidentChanges(db: PrismaClient, changes: IncidentChange[], now = Date.now()): Promise<string[]> {
  const touched: string[] = [];
  for (const change of changes) {
    await db.$transaction(async (tx) => {
      if (change.kind === 'create') {
        const d = change.detected;
        const id = uuidv7(d.start);
        await tx.incident.create({
          data: {
            id,
            platformId: d.platformId,
            scope: d.scopes.includes('national') ? 'national' : 'academies',
            level: d.level,
            state: d.end === null ? 'open' : 'closed',
            startedAt: new Date(d.start),
            detectedAt: new Date(d.detectedAt ?? d.possibleAt ?? d.start),
            endedAt: d.end === null ? null : new Date(d.end),
            maxScore: d.maxScore,
          },
        });
        await addEvent(tx, id, d.start, 'started', { level: d.level });
        if (d.possibleAt !== null) await addEvent(tx, id, d.possibleAt, 'possible');
        if (d.detectedAt !== null) await addEvent(tx, id, d.detectedAt, 'detected', d.detectedLate ? { late: true } : {});
        await joinAcademies(tx, id, d.scopes, d.start, d.level);
        if (d.end !== null) await addEvent(tx, id, d.end, 'closed');
        touched.push(id);
      } else if (change.kind === 'update') {
        const d = change.detected;
        await tx.incident.update({
          where: { id: change.id },
          data: {
            level: change.raised ? 'detected' : undefined,
            detectedAt: change.raised && d.detectedAt !== null ? new Date(d.detectedAt) : undefined,
            state: d.end === null ? 'open' : 'closed',
            endedAt: d.end === null ? null : new Date(d.end),
            maxScore: d.maxScore,
            scope: d.scopes.includes('national') ? 'national' : undefined,
          },
        });
        if (change.raised && d.detectedAt !== null) await addEvent(tx, change.id, d.detectedAt, 'detected', d.detectedLate ? { late: true } : {});
        await joinAcademies(tx, change.id, change.joined, d.end ?? now, d.level);
        if (change.reopened) await addEvent(tx, change.id, d.start, 'reopened');
        if (change.closed && d.end !== null) await addEvent(tx, change.id, d.end, 'closed');
        touched.push(change.id);
      } else {
        await tx.incident.update({ where: { id: change.id }, data: { state: 'closed', endedAt: new Date(change.at) } });
        await addEvent(tx, change.id, change.at, 'closed', { reason: 'no_longer_detected' });
        touched.push(change.id);
      }
    });
  }
  return touched;
}

/** Recomputes report counts, peak and problem breakdown of an incident from the counters and reports. */
export async function refreshIncidentStats(db: PrismaClient, id: string, now: Date): Promise<void> {
  const incident = await db.incident.findUnique({ where: { id }, include: { academies: true } });
  if (!incident) return;
  const to = incident.endedAt ?? now;
  const academies = incident.academies.map((a) => a.academyId);
  const national = incident.scope === 'national';
  const scopeFilter = national ? {} : { academyId: { in: academies } };
  const [totals, perMinute, categories, networks] = await Promise.all([
    db.reportCount.aggregate({
      where: { platformId: incident.platformId, bucketStart: { gte: incident.startedAt, lte: to }, ...scopeFilter },
      _sum: { reports: true, reporters: true },
    }),
    db.reportCount.groupBy({
      by: ['bucketStart'],
      where: { platformId: incident.platformId, bucketStart: { gte: incident.startedAt, lte: to }, ...scopeFilter },
      _sum: { reporters: true },
      orderBy: { _sum: { reporters: 'desc' } },
      take: 1,
    }),
    db.report.groupBy({
      by: ['category'],
      where: { platformId: incident.platformId, counted: true, createdAt: { gte: incident.startedAt, lte: to }, ...scopeFilter },
      _count: { _all: true },
    }),
    countReporterNetworks(db, { platformId: incident.platformId, academies: national ? null : academies, from: incident.startedAt, to }),
  ]);
  const peak = perMinute[0];
  await db.incident.update({
    where: { id },
    data: {
      reportCount: totals._sum.reports ?? 0,
      reporterCount: totals._sum.reporters ?? 0,
      // Zero once the network fingerprints are purged (48 h): the figure counted before stays.
      networkCount: networks > 0 ? networks : incident.networkCount,
      peakAt: peak?.bucketStart ?? null,
      peakReporters: peak?._sum.reporters ?? 0,
      categoryBreakdown: Object.fromEntries(categories.map((c) => [c.category, c._count._all])),
    },
  });
}

export async function setCommonCauses(db: PrismaClient, causes: Map<string, Prisma.InputJsonValue | null>): Promise<void> {
  for (const [id, cause] of causes) {
    await db.incident.update({ where: { id }, data: { commonCause: cause ?? Prisma.DbNull } });
  }
}

export type OpenIncidentSummary = { id: string; platformId: string; level: 'possible' | 'detected'; startedAt: Date; scope: string; academies: string[] };

export async function listOpenIncidents(db: PrismaClient): Promise<OpenIncidentSummary[]> {
  const rows = await db.incident.findMany({ where: { state: 'open' }, include: { academies: true }, orderBy: { startedAt: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    platformId: r.platformId,
    level: r.level as 'possible' | 'detected',
    startedAt: r.startedAt,
    scope: r.scope,
    academies: r.academies.map((a) => a.academyId),
  }));
}
