import { firstCountedMinute, listServedAcademies, readLateMinutes, readReporterCounts, type CountWindow } from '@/lib/db/detection';
import { readPlatformBaselines, saveBaselineLevels, saveBaselines } from '@/lib/db/series';
import { applyIncidentChanges, listIncidentsNear, refreshIncidentStats, setCommonCauses } from '@/lib/db/incidents';
import type { Prisma, PrismaClient } from '@/lib/db/types';
import { findCommonCauses, type OpenEpisodeRef } from './common-cause';
import { groupIncidents, type ScopedEpisodes } from './incidents';
import { historyRange } from './history-range';
import { adoptLevelShifts, rebaseLevels } from './level-factors';
import { createGridProvider, fallbackPlatformBaselines, learnPlatformBaselines, type PlatformBaselines } from './platform-baseline';
import { reconcileIncidents } from './reconcile';
import { detectPlatformWindow } from './run-platform';
import { gateDetectedByNetworks } from './network-gate';
import { announceLateDetection } from './late-data';
import { LATE_DATA_TOLERANCE_MINUTES, MERGE_GAP_MINUTES } from './thresholds';
import { listExceptionalDays } from '@/lib/db/exceptional-days';
import { estimateDayFactors, toDeclaredDays } from './day-factor';
import type { Episode } from './types';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
export const DETECTION_WINDOW_MINUTES = 6 * 60;
export const BASELINE_MAX_AGE_MS = DAY_MS;
/** Stale baselines re-learned per pass (8 weeks each): the daily re-learning is spread over passes, not one long pass. */
export const MAX_RELEARN_PER_PASS = 1;

/** A « détectée » that relied on late reports: published when they arrived (at), for minute `observed`. */
export type LateDetectionNotice = { platformId: string; scope: string; observed: number; at: number };

/** A series whose level changed for good (not an outage), from `since`: for moderators to review. */
export type LevelShiftNotice = { platformId: string; scope: string; factor: number; at: number; since: number };

export type DetectionRun = { now: Date; platforms: number; created: number; updated: number; closed: number; levelShifts: LevelShiftNotice[]; lateDetections: LateDetectionNotice[] };

type BaselineCache = Map<string, { baselines: PlatformBaselines; learnedAt: number }>;

function floorMinute(t: number): number {
  return t - (t % MINUTE_MS);
}

/**
 * Learns one platform's baselines from its distinct reporters over historyRange(), or the fallback; the
 * levels adopted before are re-estimated against the new baselines.
 */
async function learn(db: PrismaClient, platformId: string, academies: string[], now: Date, previous: PlatformBaselines | undefined): Promise<PlatformBaselines> {
  const first = await firstCountedMinute(db);
  const range = historyRange(now.getTime(), first?.getTime() ?? null);
  if (!range) return { ...fallbackPlatformBaselines(academies), ...(previous?.levels ? { levels: previous.levels } : {}) };
  const counts = (await readReporterCounts(db, { from: new Date(range.from), to: new Date(range.to), platformIds: [platformId] })).get(platformId) ?? new Map();
  const length = Math.round((range.to - range.from) / MINUTE_MS);
  const histories = academies.map((academyId) => ({
    academyId,
    history: { t0: range.from, bucketMs: MINUTE_MS, counts: counts.get(academyId) ?? new Float64Array(length) },
  }));
  const grids = createGridProvider();
  const baselines = learnPlatformBaselines({ histories, grids });
  const levels = rebaseLevels({ levels: previous?.levels, histories, baselines, grids });
  return Object.keys(levels).length > 0 ? { ...baselines, levels } : baselines;
}

async function baselinesFor(
  db: PrismaClient,
  cache: BaselineCache,
  platformId: string,
  academies: string[],
  now: Date,
  budget: { relearn: number },
): Promise<PlatformBaselines> {
  const cached = cache.get(platformId) ?? (await readPlatformBaselines(db, platformId).then((b) => (b ? { baselines: b.baselines, learnedAt: b.learnedAt.getTime() } : undefined)));
  if (cached && (Math.abs(now.getTime() - cached.learnedAt) < BASELINE_MAX_AGE_MS || budget.relearn <= 0)) {
    cache.set(platformId, cached);
    return cached.baselines;
  }
  if (cached) budget.relearn -= 1;
  const baselines = await learn(db, platformId, academies, now, cached?.baselines);
  await saveBaselines(db, platformId, baselines, now);
  cache.set(platformId, { baselines, learnedAt: now.getTime() });
  return baselines;
}

/**
 * One detection pass at `now`: for every platform with recent reports or open incidents, runs the
 * detector over the last DETECTION_WINDOW_MINUTES, groups episodes into incidents, reconciles them
 * with the stored ones (timeline events), refreshes their figures and flags common causes.
 */
export async function runDetection(db: PrismaClient, opts: { now?: Date; cache?: BaselineCache } = {}): Promise<DetectionRun> {
  const now = opts.now ?? new Date();
  const cache = opts.cache ?? new Map();
  const end = floorMinute(now.getTime());
  const start = end - DETECTION_WINDOW_MINUTES * MINUTE_MS;
  const layout = { t0: start, bucketMs: MINUTE_MS, length: DETECTION_WINDOW_MINUTES };
  const grids = createGridProvider();
  const dates = { from: new Date(start - DAY_MS).toISOString().slice(0, 10), to: new Date(end + DAY_MS).toISOString().slice(0, 10) };
  const [served, window, late, persisted, declared] = await Promise.all([
    listServedAcademies(db),
    readReporterCounts(db, { from: new Date(start), to: new Date(end) }),
    readLateMinutes(db, { from: new Date(start), to: new Date(end), toleranceMs: LATE_DATA_TOLERANCE_MINUTES * MINUTE_MS }),
    listIncidentsNear(db, new Date(start - MERGE_GAP_MINUTES * MINUTE_MS)),
    listExceptionalDays(db, dates),
  ]);
  const platforms = new Set([...window.keys(), ...persisted.filter((p) => p.state === 'open').map((p) => p.platformId)]);
  const all = new Map<string, PlatformBaselines>();
  const groups = new Map<string, Array<{ academyId: string; counts: Float64Array; knownAt?: Float64Array }>>();
  const budget = { relearn: MAX_RELEARN_PER_PASS };
  for (const [platformId, platform] of served) {
    if (!window.has(platformId) && !platforms.has(platformId)) continue;
    all.set(platformId, await baselinesFor(db, cache, platformId, platform.academies, now, budget));
    groups.set(platformId, seriesOf({ window, late }, platformId, platform.academies, layout.length));
  }
  const dayFactors = estimateDayFactors({ layout, baselines: all, groups, grids, declared: toDeclaredDays(declared) });
  const scoped: ScopedEpisodes[] = [];
  for (const platformId of platforms) {
    const baselines = all.get(platformId);
    const series = groups.get(platformId);
    if (!baselines || !series) continue;
    const episodes = detectPlatformWindow({ platformId, layout, baselines, series, grids, dayFactors });
    scoped.push(...(await gateDetectedByNetworks(db, episodes, end)));
  }
  const levelShifts = scoped.flatMap(({ platformId, scope, episodes }) => episodes.flatMap((e) => (e.levelShift ? [{ platformId, scope, ...e.levelShift, since: e.start }] : [])));
  await adoptLevels(db, cache, levelShifts, start);
  const lateDetections = scoped.flatMap(({ platformId, scope, episodes }) =>
    episodes.flatMap((e) => (e.lateDetection && e.detectedAt !== null ? [{ platformId, scope, observed: e.detectedAt, at: e.lateDetection.knownAt }] : [])),
  );
  const announced = withoutLevelShifts(scoped).map((s) => ({ ...s, episodes: s.episodes.map((e) => announceLateDetection(e, MINUTE_MS)) }));
  const detected = groupIncidents(announced, MERGE_GAP_MINUTES * MINUTE_MS);
  const changes = reconcileIncidents({ persisted, detected, now: end, mergeGapMs: MERGE_GAP_MINUTES * MINUTE_MS });
  const touched = await applyIncidentChanges(db, changes, end);
  const open = (await listIncidentsNear(db, new Date(start))).filter((i) => i.state === 'open');
  for (const id of new Set([...touched, ...open.map((i) => i.id)])) await refreshIncidentStats(db, id, now);
  await flagCommonCauses(db, open, served);
  return {
    now,
    platforms: platforms.size,
    created: changes.filter((c) => c.kind === 'create').length,
    updated: changes.filter((c) => c.kind === 'update').length,
    closed: changes.filter((c) => c.kind === 'close').length,
    levelShifts,
    lateDetections,
  };
}

/**
 * Keeps the changes of level this pass recognised with the platform's baselines, so later passes (and
 * later days) expect the new level from the shift's start instead of recognising it again.
 */
async function adoptLevels(db: PrismaClient, cache: BaselineCache, shifts: readonly LevelShiftNotice[], windowStart: number): Promise<void> {
  for (const platformId of new Set(shifts.map((s) => s.platformId))) {
    const cached = cache.get(platformId);
    if (!cached) continue;
    const levels = adoptLevelShifts(cached.baselines.levels, shifts.filter((s) => s.platformId === platformId), windowStart);
    await saveBaselineLevels(db, platformId, levels);
    cache.set(platformId, { ...cached, baselines: { ...cached.baselines, levels } });
  }
}

/** Episodes set aside as changes of level are not incidents (their notices go to moderators). */
export function withoutLevelShifts(scoped: readonly ScopedEpisodes[]): ScopedEpisodes[] {
  return scoped.map((s) => ({ ...s, episodes: s.episodes.filter((e: Episode) => !e.levelShift) }));
}

function seriesOf({ window, late }: { window: CountWindow; late: CountWindow }, platformId: string, academies: string[], length: number) {
  const byAcademy = window.get(platformId);
  const lateByAcademy = late.get(platformId);
  return academies.map((academyId) => {
    const knownAt = lateByAcademy?.get(academyId);
    return { academyId, counts: byAcademy?.get(academyId) ?? new Float64Array(length), ...(knownAt ? { knownAt } : {}) };
  });
}

async function flagCommonCauses(
  db: PrismaClient,
  open: Array<{ id: string; platformId: string; startedAt: number; scopes: string[] }>,
  served: Map<string, { operatorGroup: string | null }>,
): Promise<void> {
  const refs: Array<OpenEpisodeRef & { incidentId: string }> = open.flatMap((incident) =>
    incident.scopes.map((scope) => ({
      incidentId: incident.id,
      platformId: incident.platformId,
      operatorGroup: served.get(incident.platformId)?.operatorGroup ?? null,
      academyId: scope === 'national' ? null : scope,
      start: incident.startedAt,
    })),
  );
  const causes = new Map<string, Prisma.InputJsonValue | null>(open.map((i) => [i.id, null]));
  for (const cause of findCommonCauses(refs)) {
    const platforms = [...new Set(cause.members.map((m) => m.platformId))];
    const academies = [...new Set(cause.members.flatMap((m) => (m.academyId ? [m.academyId] : [])))];
    for (const member of cause.members) {
      causes.set(member.incidentId, { kind: cause.kind, key: cause.key, platforms, academies, since: new Date(cause.start).toISOString() });
    }
  }
  await setCommonCauses(db, causes);
}
