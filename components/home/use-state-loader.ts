import { useCallback, useRef } from 'react';
import type { MapState } from '@/lib/map-state/types';
import { fetchMapState, mapStateUrl } from '@/lib/map-view/fetch-state';
import { LruCache } from '@/lib/map-view/replay';
import type { HomeQuery } from '@/lib/map-view/url-state';

type StateQuery = Pick<HomeQuery, 'at' | 'platformId' | 'category'>;

/** Replayed instants kept in memory (about 2 h of playback at 1 minute per step). */
const CACHE_SIZE = 120;

/**
 * Fetches map states: the latest request wins (an older answer arriving late is dropped); past
 * instants are cached and can be fetched ahead of playback. Live states are never cached.
 */
export function useStateLoader() {
  const cache = useRef(new LruCache<MapState>(CACHE_SIZE));
  const pending = useRef(new Map<string, Promise<MapState>>());
  const latest = useRef(0);

  const get = useCallback((query: StateQuery): Promise<MapState> => {
    const url = mapStateUrl(query);
    const cached = query.at ? cache.current.get(url) : undefined;
    if (cached) return Promise.resolve(cached);
    const inflight = pending.current.get(url);
    if (inflight) return inflight;
    const request = fetchMapState(url)
      .then((state) => {
        if (query.at) cache.current.set(url, state);
        return state;
      })
      .finally(() => pending.current.delete(url));
    pending.current.set(url, request);
    return request;
  }, []);

  /** Resolves with the state, or null when a newer load started meanwhile. */
  const load = useCallback(
    async (query: StateQuery): Promise<MapState | null> => {
      const ticket = ++latest.current;
      const state = await get(query);
      return ticket === latest.current ? state : null;
    },
    [get],
  );

  const prefetch = useCallback(
    (queries: StateQuery[]) => {
      for (const q of queries) get(q).catch(() => undefined);
    },
    [get],
  );

  return { load, prefetch };
}
