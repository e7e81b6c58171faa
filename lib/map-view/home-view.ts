import 'server-only';
import { listAcademies, listPlatforms } from '@/lib/db/catalog';
import { getMapState } from '@/lib/map-state/get-map-state';
import { parseParisLocal } from '@/lib/calendar/paris-time';
import type { MapState } from '@/lib/map-state/types';
import type { HomeCatalog } from './catalog';
import { parseHomeQuery, resolvePlatformParam, type HomeQuery, type HomeQueryField } from './url-state';

export type HomeNotice = HomeQueryField | 'future';
export type HomeView = { state: MapState; query: HomeQuery; catalog: HomeCatalog; notices: HomeNotice[] };

/** Names change when an admin edits the catalogue: a minute of staleness is fine for the map. */
const CATALOG_TTL_MS = 60_000;
let cached: { at: number; catalog: Promise<HomeCatalog> } | null = null;

async function readCatalog(): Promise<HomeCatalog> {
  const [academies, platforms] = await Promise.all([listAcademies(), listPlatforms()]);
  return {
    academies: academies.map((a) => ({ id: a.id, name: a.name, overseas: a.overseas, lat: a.labelLat, lon: a.labelLon })),
    platforms: platforms.map((p) => ({ id: p.id, name: p.name, nationwide: p.scope === 'national' })),
  };
}

export function getHomeCatalog(now = Date.now()): Promise<HomeCatalog> {
  if (!cached || now - cached.at > CATALOG_TTL_MS) {
    const catalog = readCatalog();
    cached = { at: now, catalog };
    catalog.catch(() => (cached = null));
  }
  return cached.catalog;
}

/**
 * What the home page shows for its URL: the map state at `at` (Paris time; live when absent or in
 * the future) for the platform and category asked; unusable parameters are dropped and reported.
 */
export async function getHomeView(params: Record<string, string | string[] | undefined>, now = new Date()): Promise<HomeView> {
  const { query, invalid } = parseHomeQuery(params);
  const notices: HomeNotice[] = [...invalid];
  const catalog = await getHomeCatalog(now.getTime());
  const platformId = resolvePlatformParam(query.platformId, catalog.platforms.map((p) => p.id));
  if (query.platformId && !platformId) notices.push('plateforme');
  const academyId = query.academyId && catalog.academies.some((a) => a.id === query.academyId) ? query.academyId : null;
  if (query.academyId && !academyId) notices.push('academie');
  let at = query.at ? parseParisLocal(query.at) : null;
  if (at && at.getTime() > now.getTime()) {
    notices.push('future');
    at = null;
  }
  const state = await getMapState({ at, platformId, category: query.category });
  return { state, query: { at: at ? query.at : null, platformId, category: query.category, academyId }, catalog, notices };
}
