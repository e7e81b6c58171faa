import 'server-only';
import { listAcademies, listPlatforms } from '@/lib/db/catalog';
import { getPlatformStatuses } from '@/lib/db/status';
import type { Academy, Platform, PlatformStatus } from '@/lib/domain/types';

export type PlatformIndexItem = { platform: Platform; status: PlatformStatus; since: number | null };

const ORDER: Record<PlatformStatus, number> = { outage: 0, degraded: 1, operational: 2 };

/** Every platform in service with its status, most serious first, then by name. */
export async function loadPlatformIndex(): Promise<PlatformIndexItem[]> {
  const [platforms, statuses] = await Promise.all([listPlatforms(), getPlatformStatuses()]);
  return platforms
    .map((platform) => {
      const entry = statuses.get(platform.id);
      const since = entry ? Math.min(...entry.incidents.map((i) => i.startedAt.getTime())) : null;
      return { platform, status: entry?.status ?? ('operational' as const), since };
    })
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.platform.name.localeCompare(b.platform.name, 'fr'));
}

export type AcademyIndexItem = { academy: Academy; affected: Array<{ platformId: string; status: PlatformStatus }> };

/** Every académie with the platforms under an open incident there (national ones on the platforms serving it). */
export async function loadAcademyIndex(): Promise<AcademyIndexItem[]> {
  const [academies, platforms, statuses] = await Promise.all([listAcademies(), listPlatforms(), getPlatformStatuses()]);
  const served = new Map(platforms.map((p) => [p.id, new Set(p.academies)]));
  return academies.map((academy) => {
    const affected: AcademyIndexItem['affected'] = [];
    for (const [platformId, { incidents }] of statuses) {
      const here = incidents.filter((i) => i.academies.includes(academy.id) || (i.scope === 'national' && served.get(platformId)?.has(academy.id)));
      if (here.length) affected.push({ platformId, status: here.some((i) => i.level === 'detected') ? 'outage' : 'degraded' });
    }
    return { academy, affected };
  });
}
