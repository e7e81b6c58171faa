import type { MapState } from '@/lib/map-state/types';

/** /api/etat for the same live filters as `state` (platform and category). */
export function stateUrlFor(state: Pick<MapState, 'platformId' | 'category'>, base = '/api/etat'): string {
  const params = new URLSearchParams();
  if (state.platformId) params.set('plateforme', state.platformId);
  if (state.category) params.set('categorie', state.category);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/**
 * /api/flux resuming after `seq`. Unfiltered by default: the state's platform list and headline
 * cover every platform even when the map shows one; `platformId` narrows the stream for pages
 * that show a single platform.
 */
export function fluxUrlFor(seq: number, platformId: string | null = null, base = '/api/flux'): string {
  const params = new URLSearchParams({ depuis: String(seq) });
  if (platformId) params.set('plateforme', platformId);
  return `${base}?${params.toString()}`;
}
