import { statusFromIncidents } from '@/lib/domain/status';
import type { IncidentLevel, PlatformStatus } from '@/lib/domain/types';
import { academySeverity, byEntrySeverity, nationwideTotals, tagNational } from './local-severity';
import { severityFromIncident } from './severity';
import type { AcademyPlatformState, AcademyState, CountsCell, CountsDelta, IncidentSummary, MapState, PlatformSummary, StreamDelta } from './types';
import { SPARKLINE_BUCKETS, sparklineFrom, sparklineIndex, windowFrom } from './window';

const MINUTE_MS = 60_000;

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

/** The counts of one cell added to platforms and académie entries; severities are left to `applyCounts`. */
function addCell(state: MapState, [platformId, academyId, category, minute, reports, reporters]: CountsCell): MapState {
  if (state.category !== null && category !== state.category) return state;
  const t = minute * MINUTE_MS;
  if (!Number.isFinite(t) || reports <= 0) return state;
  const at = new Date(state.at);
  const inWindow = t >= windowFrom(at, state.windowMinutes).getTime();
  const add = Math.max(0, reporters);
  const from = state.sparklineFrom ? new Date(state.sparklineFrom) : sparklineFrom(at);
  // A delta newer than the state's last bucket lands in it until the next full refresh slides the buckets.
  const bucket = t < from.getTime() ? -1 : sparklineIndex(from, t) === -1 ? SPARKLINE_BUCKETS - 1 : sparklineIndex(from, t);
  const platforms = state.platforms.map((p) => {
    if (p.platformId !== platformId || (!inWindow && (bucket === -1 || add === 0))) return p;
    const sparkline = bucket !== -1 && add > 0 ? p.sparkline.map((v, i) => (i === bucket ? v + add : v)) : p.sparkline;
    return { ...p, reporters: p.reporters + (inWindow ? add : 0), sparkline };
  });
  const selected = state.platformId === null || state.platformId === platformId;
  const academies = !inWindow || !selected ? state.academies : state.academies.map((a) => {
    if (a.academyId !== academyId) return a;
    const existing = a.platforms.find((p) => p.platformId === platformId);
    const level = levelsOf(state.incidents).get(pairKey(platformId, a.academyId))?.level ?? null;
    const entry = existing ?? { platformId, severity: severityFromIncident(level), reporters: 0, expected: 0 };
    const entries = [...a.platforms.filter((p) => p !== existing), { ...entry, reporters: entry.reporters + add }];
    return { ...a, reporters: a.reporters + add, reports: a.reports + reports, platforms: entries };
  });
  return { ...state, platforms, academies };
}

/**
 * A counts frame: every cell added, then platform order and every académie's severity recomputed
 * from the new totals (as buildMapState does). The result depends only on the reports folded, not on
 * their order nor on how they were split into frames.
 */
function applyCounts(state: MapState, delta: CountsDelta): MapState {
  const added = delta.cells.reduce(addCell, state);
  if (added === state) return state;
  const next = { ...added, platforms: [...added.platforms].sort(byStatus) };
  return { ...next, academies: next.academies.map((a) => withEntries(next, a, a.platforms)) };
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
 * A counts frame partly reflected (first ≤ state.seq < seq) is left alone too: the connection
 * resumes the stream at the state's seq instead (see `straddles`).
 */
export function applyDelta(state: MapState, delta: StreamDelta): MapState {
  if (!state.live || delta.seq <= state.seq || delta.kind === 'resync' || straddles(delta, state.seq)) return state;
  const next = delta.kind === 'counts' ? applyCounts(state, delta) : applyIncident(state, delta.incident);
  return { ...next, seq: delta.seq };
}

/** A counts frame folding deltas on both sides of `seq`: it can be neither applied nor skipped whole. */
export function straddles(delta: StreamDelta, seq: number): boolean {
  return delta.kind === 'counts' && delta.first <= seq && seq < delta.seq;
}
