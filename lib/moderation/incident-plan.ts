import type { IncidentAcademyFacts, IncidentFacts, MergePlan, SplitPlan } from '@/lib/domain/moderation';

export type { IncidentAcademyFacts, IncidentFacts, MergePlan, SplitPlan };

/** States a moderator may still change; merged and dismissed incidents stay as history. */
export const ACTIVE_STATES = ['open', 'closed'];

const LEVEL_RANK: Record<string, number> = { possible: 1, detected: 2 };

export function higherLevel(a: string, b: string): string {
  return (LEVEL_RANK[b] ?? 0) > (LEVEL_RANK[a] ?? 0) ? b : a;
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/**
 * `source` folded into `into` (same platform): earliest start, open if either is open, the larger peak,
 * counts and categories added (the detector keeps separate incidents disjoint), académies united.
 */
export function planMerge(source: IncidentFacts, into: IncidentFacts): MergePlan | string {
  if (source.id === into.id) return 'Un incident ne peut pas être fusionné avec lui-même.';
  if (source.platformId !== into.platformId) return 'Seuls deux incidents de la même plateforme peuvent être fusionnés.';
  if (!ACTIVE_STATES.includes(source.state) || !ACTIVE_STATES.includes(into.state)) {
    return 'Un incident écarté ou déjà fusionné ne peut plus être fusionné.';
  }
  const breakdown = { ...into.categoryBreakdown };
  for (const [category, count] of Object.entries(source.categoryBreakdown)) breakdown[category] = (breakdown[category] ?? 0) + count;
  const peak = source.peakReporters > into.peakReporters ? source : into;
  const open = source.state === 'open' || into.state === 'open';
  const known = new Set(into.academies.map((a) => a.academyId));
  return {
    into: {
      state: open ? 'open' : 'closed',
      level: higherLevel(into.level, source.level),
      startedAt: source.startedAt < into.startedAt ? source.startedAt : into.startedAt,
      detectedAt: earliest(source.detectedAt, into.detectedAt),
      peakAt: peak.peakAt,
      peakReporters: peak.peakReporters,
      endedAt: open || !source.endedAt || !into.endedAt ? null : source.endedAt > into.endedAt ? source.endedAt : into.endedAt,
      reportCount: into.reportCount + source.reportCount,
      reporterCount: into.reporterCount + source.reporterCount,
      categoryBreakdown: breakdown,
      maxScore: Math.max(into.maxScore, source.maxScore),
    },
    addAcademies: source.academies.filter((a) => !known.has(a.academyId)),
  };
}

/** The académies listed leave `incident` for a new one; some must stay, and all must belong to it. */
export function planSplit(incident: IncidentFacts, academyIds: readonly string[]): SplitPlan | string {
  if (!ACTIVE_STATES.includes(incident.state)) return 'Un incident écarté ou fusionné ne peut plus être scindé.';
  const wanted = new Set(academyIds);
  const moved = incident.academies.filter((a) => wanted.has(a.academyId));
  if (moved.length !== wanted.size) return 'Certaines académies ne font pas partie de cet incident.';
  const kept = incident.academies.filter((a) => !wanted.has(a.academyId));
  if (moved.length === 0 || kept.length === 0) return 'Choisissez une partie seulement des académies de l’incident.';
  const first = moved.reduce((min, a) => (a.joinedAt < min ? a.joinedAt : min), moved[0]?.joinedAt ?? incident.startedAt);
  return { moved, kept, startedAt: first, level: moved.reduce((level, a) => higherLevel(level, a.level), 'possible') };
}
