import { statusFromIncidents } from '@/lib/domain/status';
import type { IncidentLevel, PlatformStatus } from '@/lib/domain/types';
import { academySeverity, byEntrySeverity, nationwideTotals, tagNational } from './local-severity';
import { severityFromIncident } from './severity';
import type { AcademyPlatformState, AcademyState, IncidentSummary, LiveDelta, MapState, PlatformSummary } from './types';
import { floorMinute, SPARKLINE_BUCKETS, sparklineFrom, sparklineIndex, windowFrom } from './window';

type ReportDelta = Extract<LiveDelta, { kind: 'report' }>;

const STATUS_ORDER: Record<PlatformStatus, number> = { operational: 0, degraded: 1, outage: 2 };
const pairKey = (platformId: string, academyId: string) => `${platformId}|${academyId}`;

function byStatus(a: PlatformSummary, b: PlatformSummary): number {
  return STATUS_ORDER[b.status] - STATUS_ORDER[a.status] || b.reporters - a.reporters || a.platformId.localeCompare(b.platformId);
}

/** Académie severity and intensity from its platform entries, as buildMapState computes them. */
function withEntries(state: Pick<MapState, 'platforms' | 'platformId' | 'academies'>, academy: AcademyState, entries: AcademyPlatformState[]): AcademyState {
  const nationalTotals = nationwideTotals(state.platforms, state.academies.length);
  const platforms = tagNational(entries, nationalTotals).sort(byEntrySeverity);
  return { ...academy, platforms, ...academySeverity(platforms, state.platformId === null) };
}

function levelsOf(incidents: readonly IncidentSummary[]): Map<string, { level: IncidentLevel; ids: string[] }> {
  const levels = new Map<string, { level: IncidentLevel; ids: string[] }>();
  for (const incident of incidents) {
    for (const academyId of incident.academies) {
      const key = pairKey(incident.platformId, academyId);
      const prev = levels.get(key);
      const level = prev?.level === 'detected' || incident.level === 'detected' ? 'detected' : 'possible';
      levels.set(key, { level, ids: [...(prev?.ids ?? []), incident.id] });
    }
  }
  return levels;
}

function applyReport(state: MapState, delta: ReportDelta): MapState {
  if (state.category !== null && delta.category !== state.category) return state;
  const t = Date.parse(delta.at);
  if (!Number.isFinite(t)) return state;
  const at = new Date(state.at);
  const inWindow = floorMinute(t) >= windowFrom(at, state.windowMinutes).getTime();
  const add = delta.reporter ? 1 : 0;
  const from = state.sparklineFrom ? new Date(state.sparklineFrom) : sparklineFrom(at);
  // A delta newer than the state's last bucket lands in it until the next full refresh slides the buckets.
  const bucket = t < from.getTime() ? -1 : sparklineIndex(from, t) === -1 ? SPARKLINE_BUCKETS - 1 : sparklineIndex(from, t);
  const platforms = state.platforms.map((p) => {
    if (p.platformId !== delta.platformId || (!inWindow && (bucket === -1 || add === 0))) return p;
    const sparkline = bucket !== -1 && add > 0 ? p.sparkline.map((v, i) => (i === bucket ? v + add : v)) : p.sparkline;
    return { ...p, reporters: p.reporters + (inWindow ? add : 0), sparkline };
  });
  const selected = state.platformId === null || state.platformId === delta.platformId;
  const academies = !inWindow || !selected ? state.academies : state.academies.map((a) => {
    if (a.academyId !== delta.academyId) return a;
    const existing = a.platforms.find((p) => p.platformId === delta.platformId);
    const level = levelsOf(state.incidents).get(pairKey(delta.platformId, a.academyId))?.level ?? null;
    const entry = existing ?? { platformId: delta.platformId, severity: severityFromIncident(level), reporters: 0, expected: 0 };
    const entries = [...a.platforms.filter((p) => p !== existing), { ...entry, reporters: entry.reporters + add }];
    return withEntries({ ...state, platforms }, { ...a, reporters: a.reporters + add, reports: a.reports + 1 }, entries);
  });
  return { ...state, platforms: [...platforms].sort(byStatus), academies };
}

function applyIncident(state: MapState, incident: IncidentSummary): MapState {
  const incidents = state.incidents.filter((i) => i.id !== incident.id);
  if (incident.endedAt === null) incidents.push(incident);
  incidents.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  const levels = levelsOf(incidents);
  const selected = (platformId: string) => state.platformId === null || state.platformId === platformId;
  const academies = state.academies.map((a) => {
    const entries = a.platforms
      .map((p) => ({ ...p, severity: severityFromIncident(levels.get(pairKey(p.platformId, a.academyId))?.level ?? null) }))
      .filter((p) => p.severity !== 'normal' || p.reporters > 0);
    const ids = new Set<string>();
    for (const [key, value] of levels) {
      const [platformId = '', academyId] = key.split('|');
      if (academyId !== a.academyId || !selected(platformId)) continue;
      for (const id of value.ids) ids.add(id);
      if (!entries.some((p) => p.platformId === platformId)) {
        entries.push({ platformId, severity: severityFromIncident(value.level), reporters: 0, expected: 0 });
      }
    }
    return { ...a, incidentIds: [...ids].sort(), platforms: entries };
  });
  const open = incidents.filter((i) => i.platformId === incident.platformId);
  const platforms = state.platforms.map((p) =>
    p.platformId !== incident.platformId
      ? p
      : {
          ...p,
          status: statusFromIncidents(open),
          since: open.map((i) => i.startedAt).sort()[0] ?? null,
          academyCount: new Set(open.flatMap((i) => i.academies)).size,
          national: open.some((i) => i.national),
        },
  );
  const next = { ...state, platforms: platforms.sort(byStatus) };
  return { ...next, incidents, academies: academies.map((a) => withEntries(next, a, a.platforms)) };
}

/**
 * The live state after one delta from the stream. Deltas already reflected (seq ≤ state.seq) and
 * replayed states are left alone; a resync changes nothing here: the caller refetches the state.
 */
export function applyDelta(state: MapState, delta: LiveDelta): MapState {
  if (!state.live || delta.seq <= state.seq || delta.kind === 'resync') return state;
  const next = delta.kind === 'report' ? applyReport(state, delta) : applyIncident(state, delta.incident);
  return { ...next, seq: delta.seq };
}
