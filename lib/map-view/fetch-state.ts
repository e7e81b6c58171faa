import type { MapState } from '@/lib/map-state/types';
import type { HomeQuery } from './url-state';

/** `/api/etat?at=…&plateforme=…&categorie=…` for a query (the académie selection is not part of the state). */
export function mapStateUrl(query: Pick<HomeQuery, 'at' | 'platformId' | 'category'>): string {
  const params = new URLSearchParams();
  if (query.at) params.set('at', query.at);
  if (query.platformId) params.set('plateforme', query.platformId);
  if (query.category) params.set('categorie', query.category);
  const text = params.toString().replace(/%3A/gi, ':');
  return text ? `/api/etat?${text}` : '/api/etat';
}

export async function fetchMapState(url: string, signal?: AbortSignal): Promise<MapState> {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return (await res.json()) as MapState;
}
