import {
  COMMON_CAUSE_WINDOW_MINUTES,
  MIN_ACADEMIES_PER_PLATFORM,
  MIN_OPERATOR_PLATFORMS,
  MIN_PLATFORMS_NATIONAL,
} from './thresholds';

/** An open episode: academyId null for a platform-wide (total) series; start in epoch ms. */
export type OpenEpisodeRef = {
  platformId: string;
  operatorGroup: string | null;
  academyId: string | null;
  start: number;
};

export type CommonCauseKind = 'operator' | 'multi_academy' | 'multi_platform';

export type CommonCause<T extends OpenEpisodeRef = OpenEpisodeRef> = {
  kind: CommonCauseKind;
  /** Operator group, platform id, or 'national'. */
  key: string;
  start: number;
  members: T[];
};

type Rule<T> = {
  kind: CommonCauseKind;
  keyOf: (episode: T) => string | null;
  distinctOf: (episode: T) => string | null;
  minimum: number;
};

// Anchored clusters: each group spans windowMs from its earliest start.
function clusterByStart<T extends OpenEpisodeRef>(episodes: T[], windowMs: number): T[][] {
  const sorted = [...episodes].sort((a, b) => a.start - b.start);
  const clusters: T[][] = [];
  let current: T[] = [];
  for (const episode of sorted) {
    const anchor = current[0];
    if (anchor && episode.start - anchor.start > windowMs) {
      clusters.push(current);
      current = [];
    }
    current.push(episode);
  }
  if (current.length > 0) clusters.push(current);
  return clusters;
}

function applyRule<T extends OpenEpisodeRef>(
  episodes: readonly T[],
  rule: Rule<T>,
  windowMs: number,
): CommonCause<T>[] {
  const byKey = new Map<string, T[]>();
  for (const episode of episodes) {
    const key = rule.keyOf(episode);
    if (key === null) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), episode]);
  }
  const causes: CommonCause<T>[] = [];
  for (const [key, members] of byKey) {
    for (const cluster of clusterByStart(members, windowMs)) {
      const distinct = new Set(cluster.map(rule.distinctOf).filter((value) => value !== null));
      if (distinct.size >= rule.minimum) {
        causes.push({ kind: rule.kind, key, start: cluster[0]?.start ?? 0, members: cluster });
      }
    }
  }
  return causes;
}

/**
 * Groups open episodes that probably share a cause: one operator group on several platforms, one
 * platform in many académies, or many platforms at once nationally.
 */
export function findCommonCauses<T extends OpenEpisodeRef>(
  episodes: readonly T[],
  windowMs: number = COMMON_CAUSE_WINDOW_MINUTES * 60_000,
): CommonCause<T>[] {
  const rules: Rule<T>[] = [
    {
      kind: 'operator',
      keyOf: (e) => e.operatorGroup,
      distinctOf: (e) => e.platformId,
      minimum: MIN_OPERATOR_PLATFORMS,
    },
    {
      kind: 'multi_academy',
      keyOf: (e) => e.platformId,
      distinctOf: (e) => e.academyId,
      minimum: MIN_ACADEMIES_PER_PLATFORM,
    },
    {
      kind: 'multi_platform',
      keyOf: () => 'national',
      distinctOf: (e) => e.platformId,
      minimum: MIN_PLATFORMS_NATIONAL,
    },
  ];
  return rules
    .flatMap((rule) => applyRule(episodes, rule, windowMs))
    .sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}
