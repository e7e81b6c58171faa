import { findNetworkArrival, hasReporterNetworks } from '@/lib/db/network-counts';
import type { PrismaClient } from '@/lib/db/types';
import type { ScopedEpisodes } from './incidents';
import type { Episode } from './types';

/**
 * Distinct networks (IPv4 /24, IPv6 /48) a « panne détectée » must rest on. One machine, or one
 * address however many devices it claims, is one network; three independent ones cost an attacker
 * three footholds, while a real outage reaches homes and carriers everywhere (2021: hundreds).
 */
export const MIN_DETECTED_NETWORKS = 3;

/**
 * A 'detected' episode stays 'detected' only once MIN_DETECTED_NETWORKS networks reported in it,
 * and no earlier than the minute the last of them arrived (`networksReachedAt`, epoch ms, or null
 * when too few ever did); otherwise it is only 'possible'.
 */
export function gateDetected(episode: Episode, networksReachedAt: number | null): Episode {
  if (episode.level !== 'detected' || episode.detectedAt === null) return episode;
  if (networksReachedAt === null) {
    return { ...episode, level: 'possible', detectedAt: null, possibleAt: episode.possibleAt ?? episode.detectedAt };
  }
  return { ...episode, detectedAt: Math.max(episode.detectedAt, networksReachedAt) };
}

/** Applies gateDetected to every 'detected' episode of a platform's series, reading network arrivals from the reports. */
export async function gateDetectedByNetworks(db: PrismaClient, scoped: ScopedEpisodes[], windowEnd: number): Promise<ScopedEpisodes[]> {
  const gated: ScopedEpisodes[] = [];
  for (const series of scoped) {
    const episodes: Episode[] = [];
    for (const episode of series.episodes) {
      if (episode.level !== 'detected') {
        episodes.push(episode);
        continue;
      }
      const scope = {
        platformId: series.platformId,
        academies: series.scope === 'national' ? null : [series.scope],
        from: new Date(episode.start),
        rank: MIN_DETECTED_NETWORKS,
      };
      // Usual case, cheap: the networks were there by the time the detector raised it.
      if (episode.detectedAt !== null && (await hasReporterNetworks(db, { ...scope, to: new Date(episode.detectedAt) }))) {
        episodes.push(episode);
        continue;
      }
      const reached = await findNetworkArrival(db, { ...scope, to: new Date(episode.end ?? windowEnd) });
      episodes.push(gateDetected(episode, reached?.getTime() ?? null));
    }
    gated.push({ ...series, episodes });
  }
  return gated;
}
