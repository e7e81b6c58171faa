'use client';
import { useEffect, useRef, useState } from 'react';
import { applyDelta } from '@/lib/map-state/apply-delta';
import type { MapState } from '@/lib/map-state/types';
import { createLiveConnection, type LiveMode } from './live-connection';
import { fluxUrlFor, stateUrlFor } from './urls';

export type { LiveMode };

export type LiveMapOptions = {
  /** false stops live updates (e.g. the page is showing a replay chosen by the user). Default true. */
  enabled?: boolean;
  /** Narrow the stream to the state's platform (pages about one platform); the home page keeps every platform. */
  filterStream?: boolean;
  stateUrl?: string;
  fluxBase?: string;
};

/**
 * The map state kept live in the browser: deltas from /api/flux applied with applyDelta, a refetch
 * of /api/etat on resync and every minute, polling when the stream is unavailable. Live only when
 * `initial.live` (a replayed instant never changes); a new `initial` (filters changed) starts over.
 */
export function useLiveMapState(initial: MapState, opts: LiveMapOptions = {}): { state: MapState; mode: LiveMode | 'off' } {
  const [state, setState] = useState(initial);
  const [from, setFrom] = useState(initial);
  const [mode, setMode] = useState<LiveMode | 'off'>('off');
  const seq = useRef(initial.seq);
  if (from !== initial) {
    setFrom(initial);
    setState(initial);
  }
  useEffect(() => {
    seq.current = state.seq;
  }, [state.seq]);

  const enabled = (opts.enabled ?? true) && initial.live;
  const stateUrl = opts.stateUrl ?? stateUrlFor(initial);
  const streamPlatform = opts.filterStream ? initial.platformId : null;
  const fluxBase = opts.fluxBase;

  useEffect(() => {
    if (!enabled) {
      setMode('off');
      return;
    }
    const connection = createLiveConnection({
      fluxUrl: (after) => fluxUrlFor(after, streamPlatform, fluxBase),
      stateUrl,
      currentSeq: () => seq.current,
      onDeltas: (deltas) => setState((s) => deltas.reduce(applyDelta, s)),
      onState: (next) => setState((s) => (next.live && next.platformId === s.platformId && next.category === s.category ? next : s)),
      onMode: setMode,
      EventSource: typeof EventSource === 'undefined' ? undefined : EventSource,
    });
    setMode('connecting');
    connection.start();
    return () => connection.stop();
  }, [enabled, stateUrl, streamPlatform, fluxBase]);

  return { state, mode };
}
