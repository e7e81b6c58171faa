import type { Episode } from './types';
import type { Incident } from '@/lib/domain/detection';

export type { Incident };

/** Episodes of one series of a platform; scope = académie id or 'national' (platform total). */
export type ScopedEpisodes = { platformId: string; scope: string; episodes: readonly Episode[] };

type Item = { scope: string; episode: Episode };

function minOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function toIncident(platformId: string, item: Item): Incident {
  const { episode, scope } = item;
  return {
    platformId,
    start: episode.start,
    end: episode.end,
    possibleAt: episode.possibleAt,
    detectedAt: episode.detectedAt,
    level: episode.level,
    maxScore: episode.maxScore,
    scopes: [scope],
    ...(episode.lateDetection ? { detectedLate: true } : {}),
  };
}

function absorb(incident: Incident, item: Item): void {
  const { episode, scope } = item;
  incident.end =
    incident.end === null || episode.end === null ? null : Math.max(incident.end, episode.end);
  incident.possibleAt = minOrNull(incident.possibleAt, episode.possibleAt);
  if (episode.detectedAt !== null && (incident.detectedAt === null || episode.detectedAt < incident.detectedAt)) {
    incident.detectedLate = episode.lateDetection !== undefined;
  }
  incident.detectedAt = minOrNull(incident.detectedAt, episode.detectedAt);
  if (episode.level === 'detected') incident.level = 'detected';
  incident.maxScore = Math.max(incident.maxScore, episode.maxScore);
  if (!incident.scopes.includes(scope)) incident.scopes.push(scope);
}

/**
 * Merges the episodes of each platform's series (national total and académies) into incidents:
 * episodes overlapping or starting within mergeGapMs of the current incident's end join it.
 */
export function groupIncidents(series: readonly ScopedEpisodes[], mergeGapMs: number): Incident[] {
  const byPlatform = new Map<string, Item[]>();
  for (const { platformId, scope, episodes } of series) {
    const items = byPlatform.get(platformId) ?? [];
    for (const episode of episodes) items.push({ scope, episode });
    byPlatform.set(platformId, items);
  }
  const incidents: Incident[] = [];
  for (const [platformId, items] of byPlatform) {
    items.sort((a, b) => a.episode.start - b.episode.start);
    let current: Incident | null = null;
    for (const item of items) {
      if (current && (current.end === null || item.episode.start <= current.end + mergeGapMs)) {
        absorb(current, item);
      } else {
        current = toIncident(platformId, item);
        incidents.push(current);
      }
    }
  }
  return incidents.sort((a, b) => a.start - b.start);
}
