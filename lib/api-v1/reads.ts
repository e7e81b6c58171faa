import 'server-only';
import type { CountRow } from '@/lib/db/aggregates';
import { readCountRows, type CountBucket } from '@/lib/db/aggregates';
import { listAcademies, listPlatforms } from '@/lib/db/catalog';
import { getDb } from '@/lib/db/client';
import { readIncident } from '@/lib/db/dashboard';
import { listIncidentPage, type IncidentFilter } from '@/lib/db/incident-page';
import { findSeriesScope } from '@/lib/db/series';
import { platformInfo, type IncidentListItem } from '@/lib/domain/dashboard';
import { AppError } from '@/lib/http/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { invalid, issue } from './http';
import type { AcademyV1, CountRowV1, IncidentV1, PlatformV1 } from './responses';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export async function listPlatformsV1(): Promise<{ items: PlatformV1[] }> {
  const platforms = await listPlatforms({ includeRetired: true });
  return {
    items: platforms.map(platformInfo),
  };
}

export async function listAcademiesV1(): Promise<{ items: AcademyV1[] }> {
  const academies = await listAcademies();
  return {
    items: academies.map((a) => ({
      id: a.id,
      name: a.name,
      code: a.code,
      regionId: a.regionId,
      regionName: a.regionName,
      overseas: a.overseas,
      timeZone: a.timeZone,
      departements: a.departements,
      label: { lon: a.labelLon, lat: a.labelLat },
    })),
  };
}

/** 400 with platform_unknown / academy_unknown when a well-formed filter names nothing we know. */
export async function requireKnownScope(input: { platformId?: string | null; academyId?: string | null }): Promise<void> {
  const scope = await findSeriesScope(getDb(), { platformId: input.platformId ?? null, academyId: input.academyId ?? null });
  const issues = [
    ...(input.platformId && !scope.platform ? [issue('plateforme', 'platform_unknown')] : []),
    ...(input.academyId && !scope.academy ? [issue('academie', 'academy_unknown')] : []),
  ];
  if (issues.length > 0) throw invalid(issues);
}

export function toIncidentV1(item: IncidentListItem): IncidentV1 {
  return {
    id: item.id,
    platformId: item.platformId,
    platformName: item.platformName,
    level: item.level,
    state: item.state,
    startedAt: new Date(item.startedAt).toISOString(),
    detectedAt: iso(item.detectedAt),
    endedAt: iso(item.endedAt),
    national: item.national,
    academies: item.academies,
    reportCount: item.reportCount,
    reporterCount: item.reporterCount,
    peakReporters: item.peakReporters,
    url: `/incidents/${item.id}`,
  };
}

function incidentAfter(cursor: string | undefined): { startedAt: Date; id: string } | null {
  if (cursor === undefined) return null;
  const parts = decodeCursor(cursor);
  const [t, id] = parts ?? [];
  if (typeof t !== 'number' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw invalid([issue('curseur', 'cursor_invalid')]);
  return { startedAt: new Date(t), id };
}

/** One page of incidents, newest first; the items as the public API and the /incidents page show them. */
export async function listIncidentsV1(input: { filter: IncidentFilter; cursor?: string; limit: number }): Promise<{ items: IncidentListItem[]; nextCursor: string | null }> {
  const after = incidentAfter(input.cursor);
  const rows = await listIncidentPage(getDb(), { filter: input.filter, after, limit: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.startedAt, last.id]) : null };
}

export async function getIncidentV1(id: string): Promise<IncidentV1> {
  const incident = /^[0-9a-f-]{36}$/.test(id) ? await readIncident(getDb(), id) : null;
  if (!incident) throw new AppError('not_found', 'Cet incident n’existe pas.', { issues: [issue('id', 'not_found')] });
  return toIncidentV1(incident);
}

export function toCountRowV1(r: CountRow): CountRowV1 {
  return { debut: r.bucket.toISOString(), plateforme: r.platformId, academie: r.academyId, probleme: r.category as CountRowV1['probleme'], signalements: r.reports, signalants: r.reporters };
}

function countAfter(cursor: string | undefined) {
  if (cursor === undefined) return null;
  const [t, platformId, academyId, category] = decodeCursor(cursor) ?? [];
  if (typeof t !== 'number' || typeof platformId !== 'string' || typeof academyId !== 'string' || typeof category !== 'string') {
    throw invalid([issue('curseur', 'cursor_invalid')]);
  }
  return { bucket: new Date(t), platformId, academyId, category };
}

/** One page of aggregated counts in key order (bucket, service, académie, problem). */
export async function listCountsV1(input: {
  from: Date;
  to: Date;
  bucket: CountBucket;
  platformId?: string | null;
  academyId?: string | null;
  category?: string | null;
  cursor?: string;
  limit: number;
}): Promise<{ items: CountRowV1[]; nextCursor: string | null }> {
  const after = countAfter(input.cursor);
  const rows = await readCountRows(getDb(), { ...input, after, limit: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toCountRowV1),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.bucket.getTime(), last.platformId, last.academyId, last.category]) : null,
  };
}
