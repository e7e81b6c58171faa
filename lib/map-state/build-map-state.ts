import { statusFromIncidents } from '@/lib/domain/status';
import type { IncidentLevel, PlatformStatus, ProblemCategory } from '@/lib/domain/types';
import { incidentAt, type IncidentRecord } from './incident-at';
import { academySeverity, byEntrySeverity, nationwideTotals, tagNational } from './local-severity';
import { severityFromIncident } from './severity';
import type { AcademyPlatformState, AcademyState, IncidentSummary, MapState, PlatformSummary } from './types';
import { SPARKLINE_BUCKETS, sparklineFrom } from './window';
import type { PairCount } from '@/lib/domain/map-state';

export type { PairCount };

export type BuildMapStateInput = {
  at: Date;
  live: boolean;
  windowMinutes: number;
  academyIds: readonly string[];
  /** Platforms in service at `at`, with the académies each serves. */
  platforms: ReadonlyArray<{ id: string; academies: readonly string[] }>;
  /** Counted reports and distinct reporters over the window per platform × académie (category-filtered already). */
  counts: readonly PairCount[];
  /** Baseline distinct reporters over the same window: platform → académie → expected. */
  expected: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Incidents overlapping `at`, as stored now (incidentAt() rewinds them). */
  incidents: readonly IncidentRecord[];
  /** Distinct reporters per 5-minute bucket, 36 values per platform (category-filtered already). */
  sparklines: ReadonlyMap<string, readonly number[]>;
  platformId: string | null;
  category: ProblemCategory | null;
  seq: number;
};

const STATUS_ORDER: Record<PlatformStatus, number> = { operational: 0, degraded: 1, outage: 2 };
const pairKey = (platformId: string, academyId: string) => `${platformId}|${academyId}`;

function worse(a: IncidentLevel | undefined, b: IncidentLevel): IncidentLevel {
  return a === 'detected' || b === 'detected' ? 'detected' : 'possible';
}

/** Incident level and incident ids per platform × académie, from the incidents open at `at`. */
function coverage(incidents: readonly IncidentSummary[]) {
  const levels = new Map<string, IncidentLevel>();
  const ids = new Map<string, string[]>();
  for (const incident of incidents) {
    for (const academyId of incident.academies) {
      const key = pairKey(incident.platformId, academyId);
      levels.set(key, worse(levels.get(key), incident.level));
      ids.set(key, [...(ids.get(key) ?? []), incident.id]);
    }
  }
  return { levels, ids };
}

type Ctx = ReturnType<typeof coverage> & {
  counts: Map<string, PairCount>;
  selected: BuildMapStateInput['platforms'];
  nationalTotals: ReadonlyMap<string, { reporters: number; expected: number }>;
};

function academyState(input: BuildMapStateInput, academyId: string, ctx: Ctx): AcademyState {
  const raw: AcademyPlatformState[] = [];
  const incidentIds = new Set<string>();
  let reports = 0;
  let served = false;
  for (const platform of ctx.selected) {
    const key = pairKey(platform.id, academyId);
    const count = ctx.counts.get(key);
    const expected = input.expected.get(platform.id)?.get(academyId) ?? 0;
    const level = ctx.levels.get(key) ?? null;
    served ||= platform.academies.includes(academyId);
    for (const id of ctx.ids.get(key) ?? []) incidentIds.add(id);
    reports += count?.reports ?? 0;
    const reporters = count?.reporters ?? 0;
    if (!level && !count) continue;
    raw.push({ platformId: platform.id, severity: severityFromIncident(level), reporters, expected });
  }
  const entries = tagNational(raw, ctx.nationalTotals).sort(byEntrySeverity);
  const { severity, intensity, nationalSeverity } = academySeverity(entries, input.platformId === null);
  const reporters = ctx.selected.reduce((sum, p) => sum + (ctx.counts.get(pairKey(p.id, academyId))?.reporters ?? 0), 0);
  const expected = ctx.selected.reduce((sum, p) => sum + (input.expected.get(p.id)?.get(academyId) ?? 0), 0);
  return {
    academyId,
    severity,
    nationalSeverity,
    intensity,
    reporters,
    reports,
    expected,
    platforms: entries,
    incidentIds: [...incidentIds].sort(),
    served,
  };
}

function platformSummary(input: BuildMapStateInput, platformId: string, incidents: readonly IncidentSummary[], counts: readonly PairCount[]): PlatformSummary {
  const open = incidents.filter((i) => i.platformId === platformId);
  const since = open.map((i) => i.startedAt).sort()[0] ?? null;
  const expected = [...(input.expected.get(platformId)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const sparkline = input.sparklines.get(platformId);
  return {
    platformId,
    status: statusFromIncidents(open),
    since,
    academyCount: new Set(open.flatMap((i) => i.academies)).size,
    national: open.some((i) => i.national),
    reporters: counts.reduce((sum, c) => sum + (c.platformId === platformId ? c.reporters : 0), 0),
    expected,
    sparkline: sparkline ? [...sparkline] : new Array<number>(SPARKLINE_BUCKETS).fill(0),
  };
}

/**
 * The map at `at`: académie severity from the incidents open then (never from counts), intensity
 * from observed vs expected; with every platform selected an académie takes its most severe one
 * and sums reporters and expectations. Platform summaries and incidents ignore the platform filter
 * (side list and headline), the category filter applies to every count.
 */
export function buildMapState(input: BuildMapStateInput): MapState {
  const served = new Map(input.platforms.map((p) => [p.id, p.academies]));
  const incidents = input.incidents
    .flatMap((i) => incidentAt(i, input.at, served.get(i.platformId) ?? []) ?? [])
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  const selected = input.platformId ? input.platforms.filter((p) => p.id === input.platformId) : input.platforms;
  const platforms = input.platforms
    .map((p) => platformSummary(input, p.id, incidents, input.counts))
    .sort((a, b) => STATUS_ORDER[b.status] - STATUS_ORDER[a.status] || b.reporters - a.reporters || a.platformId.localeCompare(b.platformId));
  const nationalTotals = nationwideTotals(platforms, input.academyIds.length);
  const ctx: Ctx = { ...coverage(incidents), counts: new Map(input.counts.map((c) => [pairKey(c.platformId, c.academyId), c])), selected, nationalTotals };
  return {
    at: input.at.toISOString(),
    live: input.live,
    windowMinutes: input.windowMinutes,
    platformId: input.platformId,
    category: input.category,
    academies: input.academyIds.map((academyId) => academyState(input, academyId, ctx)),
    platforms,
    incidents,
    seq: input.seq,
    sparklineFrom: sparklineFrom(input.at).toISOString(),
  };
}
