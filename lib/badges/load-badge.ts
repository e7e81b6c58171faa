import 'server-only';
import { getDb } from '@/lib/db/client';
import { readNames } from '@/lib/db/dashboard';
import { getMapState } from '@/lib/map-state/get-map-state';
import type { Severity } from '@/lib/map-state/types';
import type { BadgeStatus } from './badge-svg';

const FROM_SEVERITY: Record<Severity, BadgeStatus> = { normal: 'operational', perturbe: 'degraded', panne: 'outage' };

/**
 * The live status behind a badge: the platform's, or its severity in one académie (from the same
 * map state as the live map). Null when the platform or académie is unknown.
 */
export async function loadBadge(input: { platformId: string; academyId?: string }): Promise<{ label: string; status: BadgeStatus } | null> {
  const names = await readNames(getDb());
  const platform = names.platforms[input.platformId];
  if (!platform) return null;
  const state = await getMapState({ platformId: input.platformId });
  if (!input.academyId) {
    const summary = state.platforms.find((p) => p.platformId === input.platformId);
    return { label: platform, status: summary?.status ?? 'operational' };
  }
  const academy = names.academies[input.academyId];
  const area = state.academies.find((a) => a.academyId === input.academyId);
  if (!academy || !area) return null;
  if (area.served === false) return { label: `${platform} · ${academy.name}`, status: 'unserved' };
  const level = area.platforms.find((p) => p.platformId === input.platformId)?.severity ?? 'normal';
  return { label: `${platform} · ${academy.name}`, status: FROM_SEVERITY[level] };
}
