import 'server-only';
import { getDb } from '@/lib/db/client';
import { readNames, readIncident } from '@/lib/db/dashboard';
import { loadSeries } from '@/lib/series/load-series';
import type { SeriesPayload } from '@/lib/series/types';
import { incidentWindow } from '@/lib/series/window';
import { categoryBreakdown, type BreakdownRow } from './breakdown';
import { buildTimeline, type TimelineItem } from './incident-timeline';
import type { Names } from './page-data';
import type { IncidentDetail } from '@/lib/domain/dashboard';

export type IncidentPageData = {
  incident: IncidentDetail;
  timeline: TimelineItem[];
  breakdown: BreakdownRow[];
  series: SeriesPayload;
  names: Names;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The incident, its timeline, breakdown and chart (one académie's series when it covers only one). */
export async function loadIncidentPage(input: { id: string; now: number }): Promise<IncidentPageData | null> {
  if (!UUID.test(input.id)) return null;
  const db = getDb();
  const incident = await readIncident(db, input.id.toLowerCase());
  if (!incident) return null;
  const soleAcademy = !incident.national && incident.academies.length === 1 ? (incident.academies[0] ?? null) : null;
  const [series, names] = await Promise.all([
    loadSeries({ platformId: incident.platformId, academyId: soleAcademy, window: incidentWindow(incident.startedAt, incident.endedAt, input.now) }),
    readNames(db),
  ]);
  return {
    incident,
    timeline: buildTimeline({
      events: incident.events,
      startedAt: incident.startedAt,
      peak: incident.peakAt !== null ? { at: incident.peakAt, reporters: incident.peakReporters } : null,
    }),
    breakdown: categoryBreakdown(incident.categoryBreakdown),
    series,
    names,
  };
}

export function isIncidentId(id: string): boolean {
  return UUID.test(id);
}
