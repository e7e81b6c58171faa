import { straddles } from '@/lib/map-state/apply-delta';
import type { MapState, StreamDelta } from '@/lib/map-state/types';
import { afterStreamFailure, APPLY_EVERY_MS, jittered, POLL_INTERVAL_MS, REFRESH_INTERVAL_MS, RESYNC_SPREAD_MS } from './backoff';
import { isMapState, parseDelta } from './parse-delta';

export type LiveMode = 'connecting' | 'live' | 'polling' | 'stopped';

type Source = Pick<EventSource, 'onopen' | 'onmessage' | 'onerror' | 'close'>;

export type LiveConnectionOptions = {
  /** Stream URL resuming after `seq`. */
  fluxUrl(seq: number): string;
  stateUrl: string;
  /** Seq of the state currently shown. */
  currentSeq(): number;
  onDeltas(deltas: StreamDelta[]): void;
  onState(state: MapState): void;
  onMode?(mode: LiveMode): void;
  /** Browser APIs, replaceable where they do not exist (no EventSource: polling only). */
  EventSource?: (new (url: string) => Source) | undefined;
  fetch?: typeof fetch;
  random?: () => number;
};

/**
 * Keeps a state live: EventSource on /api/flux (reconnecting with exponential back-off and jitter,
 * resuming after the last seq received), polling /api/etat every few seconds while the stream keeps
 * failing or when EventSource is missing, a jittered refetch on resync, a full refresh each minute.
 */
export function createLiveConnection(opts: LiveConnectionOptions): { start(): void; stop(): void } {
  const random = opts.random ?? Math.random;
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let source: Source | null = null;
  let mode: LiveMode = 'connecting';
  let failures = 0;
  let lastSeq = 0;
  let queue: StreamDelta[] = [];
  let fetching: Promise<void> | null = null;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const later = (name: string, ms: number, fn: () => void) => {
    clearTimeout(timers.get(name));
    timers.set(name, setTimeout(() => {
      timers.delete(name);
      fn();
    }, ms));
  };
  const setMode = (next: LiveMode) => {
    if (next === mode) return;
    mode = next;
    opts.onMode?.(next);
  };
  const flush = () => {
    if (fetching || queue.length === 0) return;
    const deltas = queue;
    queue = [];
    // A state read while the stream runs may end inside a counts frame: the stream is resumed at the
    // state's seq (the server folds the rest anew), and what was queued comes again from there.
    const seq = opts.currentSeq();
    if (source && deltas.some((d) => straddles(d, seq))) {
      source.close();
      source = null;
      lastSeq = seq;
      connect();
      return;
    }
    opts.onDeltas(deltas);
  };

  const refetch = (): Promise<void> => {
    fetching ??= doFetch(opts.stateUrl, { cache: 'no-cache', headers: { accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: unknown) => {
        if (isMapState(body) && mode !== 'stopped') opts.onState(body);
      })
      .catch(() => {})
      .finally(() => {
        fetching = null;
        flush();
      });
    return fetching;
  };

  const poll = () => {
    if (mode !== 'polling') return;
    void refetch().finally(() => later('poll', jittered(POLL_INTERVAL_MS, 1_000, random), poll));
  };
  const refresh = () => {
    if (mode !== 'live') return;
    void refetch().finally(() => later('refresh', jittered(REFRESH_INTERVAL_MS, 10_000, random), refresh));
  };

  const onMessage = (data: string) => {
    const delta = parseDelta(data);
    if (!delta) return;
    lastSeq = Math.max(lastSeq, delta.seq);
    if (delta.kind === 'resync') {
      later('resync', Math.round(random() * RESYNC_SPREAD_MS), () => void refetch());
      return;
    }
    queue.push(delta);
    if (!timers.has('apply')) later('apply', APPLY_EVERY_MS, flush);
  };

  const connect = () => {
    if (mode === 'stopped' || !opts.EventSource) return;
    const es = new opts.EventSource(opts.fluxUrl(Math.max(lastSeq, opts.currentSeq())));
    source = es;
    es.onopen = () => {
      failures = 0;
      const wasLive = mode === 'live';
      setMode('live');
      if (!wasLive) later('refresh', jittered(REFRESH_INTERVAL_MS, 10_000, random), refresh);
    };
    es.onmessage = (e) => onMessage(String(e.data));
    es.onerror = () => {
      // Reconnection is ours (back-off, resume point, polling); the browser's own retry is stopped.
      es.close();
      if (source !== es) return;
      source = null;
      failures += 1;
      const next = afterStreamFailure(failures, random);
      if (next.poll && mode !== 'polling') {
        setMode('polling');
        poll();
      } else if (!next.poll) setMode('connecting');
      later('reconnect', next.retryInMs, connect);
    };
  };

  return {
    start() {
      if (opts.EventSource) connect();
      else {
        setMode('polling');
        poll();
      }
    },
    stop() {
      setMode('stopped');
      source?.close();
      source = null;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      queue = [];
    },
  };
}
