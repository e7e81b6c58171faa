import type { LiveDelta } from '@/lib/map-state/types';
import { foldDeltas } from './fold';
import { createReplayBuffer, type Frame } from './replay-buffer';
import { createSeqClock, randomSeqTag } from './seq-clock';
import { sseComment, sseEvent, sseRetry } from './sse';
import type { LiveBus, LiveEvent, LiveLog } from './types';

/** One open stream, whatever the transport (Node response, web ReadableStream). */
export type LiveSink = {
  write(chunk: string): void;
  /** Bytes written but not yet sent: a client that stops reading is dropped (it resumes later). */
  backlog(): number;
  close(): void;
};

export type AttachResult = { ok: true; detach(): void } | { ok: false; retryAfterSeconds: number };

export type LiveHub = {
  /** Subscribes to the bus; the hub works locally even if this fails. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Numbers the events here, then to every instance through the bus (to this hub alone if the bus fails). Never throws. */
  publish(events: LiveEvent[]): void;
  /** To this hub's clients only (watchers run by every instance). */
  emit(events: LiveEvent[]): void;
  /** Resume point for a state read now: every later delta has a greater seq. */
  cursor(): number;
  attach(input: { platformId: string | null; lastSeq: number | null; sink: LiveSink }): AttachResult;
  connections(): number;
  onDelta(listener: (delta: LiveDelta) => void): () => void;
};

export type HubOptions = {
  bus: LiveBus;
  maxConnections: number;
  bufferSize?: number;
  /** Shortest wait between a delta and its flush (ms). */
  flushMs?: number;
  /**
   * Socket writes per second the fan-out aims to stay under: with many viewers the flush waits
   * longer (connections / rate), up to `maxFlushMs`, so a flush's cost no longer grows with its
   * frequency × the viewers. Unset: every flush waits `flushMs`.
   */
  flushWritesPerSecond?: number;
  maxFlushMs?: number;
  heartbeatMs?: number;
  retryMs?: number;
  maxBacklogBytes?: number;
  log?: LiveLog;
  now?: () => number;
  random?: () => number;
  /** This hub's publisher tag in its seqs (random by default). */
  seqTag?: number;
};

/** `after`: the client's resume point while deltas up to it may still be pending here (null once passed). */
type Client = { platformId: string | null; sink: LiveSink; after: number | null };

// While the bus is down every publish fails: say so once in a while, not per report.
const BUS_WARN_INTERVAL_MS = 30_000;

const platformOf = (delta: LiveDelta): string | null =>
  delta.kind === 'report' ? delta.platformId : delta.kind === 'incident' ? delta.incident.platformId : null;

const wants = (platformId: string | null, frame: Frame) => platformId === null || frame.platformId === null || frame.platformId === platformId;

/** How long pending deltas wait before a flush to `connections` streams (see HubOptions). */
export function flushDelayMs(connections: number, opts: { flushMs: number; writesPerSecond?: number; maxFlushMs: number }): number {
  if (!opts.writesPerSecond) return opts.flushMs;
  const paced = (connections * 1000) / opts.writesPerSecond;
  return Math.round(Math.max(opts.flushMs, Math.min(opts.maxFlushMs, paced)));
}

const toFrame = (delta: LiveDelta): Frame => ({ seq: delta.seq, platformId: platformOf(delta), delta });

/** SSE text for frames in seq order: reports folded into counts frames (see foldDeltas). */
const render = (frames: readonly Frame[]): string =>
  foldDeltas(frames.map((f) => f.delta))
    .map((d) => sseEvent(d.seq, JSON.stringify(d)))
    .join('');

/**
 * Per-process fan-out: numbers what it publishes (the seq travels on the bus, so every instance
 * sends a delta under the same id), keeps the last deltas for resuming clients, and writes them to
 * the open streams in seq order, one chunk per client every `flushMs` (longer with many viewers, see
 * `flushWritesPerSecond`; one string per filter), the
 * reports of a flush folded into one counts frame (id = its last seq). A client resuming inside a
 * folded range gets the part after its seq, folded anew from the kept deltas.
 */
export function createLiveHub(opts: HubOptions): LiveHub {
  const { bus, maxConnections, flushMs = 100, maxFlushMs = 1_000, flushWritesPerSecond, heartbeatMs = 15_000, retryMs = 5_000, maxBacklogBytes = 512 * 1024 } = opts;
  const log = opts.log ?? (() => {});
  const random = opts.random ?? Math.random;
  const clock = createSeqClock(opts.now, opts.seqTag ?? randomSeqTag());
  const buffer = createReplayBuffer(opts.bufferSize ?? 10_000, clock.cursor());
  const groups = new Map<string | null, Set<Client>>();
  const listeners = new Set<(delta: LiveDelta) => void>();
  let count = 0;
  let pending: LiveDelta[] = [];
  let sent = 0;
  let flushTimer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let lastBusWarnAt = Number.NEGATIVE_INFINITY;
  // Seqs delivered here after a failed publish: a publish that timed out may still reach the bus, and its
  // echo must not come back as "late" (a resync for every viewer) nor twice. Bounded, oldest forgotten first.
  const localOnly = new Set<number>();
  const LOCAL_ONLY_MAX = 10_000;

  const drop = (client: Client) => {
    const group = groups.get(client.platformId);
    if (!group?.delete(client)) return;
    count -= 1;
    if (group.size === 0) groups.delete(client.platformId);
  };

  const send = (client: Client, text: string) => {
    if (client.sink.backlog() > maxBacklogBytes) {
      drop(client);
      client.sink.close();
      return;
    }
    client.sink.write(text);
  };

  // Deltas wait for the flush and go out in seq order: publishers on other instances stamp their
  // own seqs, and their messages may cross on the bus. One that arrives after a greater seq went out
  // becomes a resync, so a viewer resuming elsewhere neither misses nor double-counts it.
  const flush = () => {
    flushTimer = null;
    const deltas = pending.sort((a, b) => a.seq - b.seq);
    pending = [];
    const frames: Frame[] = [];
    let late = false;
    for (const delta of deltas) {
      if (delta.seq <= sent) late = true;
      else frames.push(toFrame(delta));
      sent = Math.max(sent, delta.seq);
    }
    if (late) frames.push(toFrame(announce({ kind: 'resync', seq: clock.next() })));
    sent = Math.max(sent, frames.at(-1)?.seq ?? sent);
    for (const frame of frames) buffer.push(frame);
    for (const [platformId, group] of groups) {
      const wanted = frames.filter((f) => wants(platformId, f));
      const text = render(wanted);
      for (const client of [...group]) {
        const after = client.after;
        if (after !== null && sent >= after) client.after = null;
        if (after !== null && (wanted[0]?.seq ?? Number.POSITIVE_INFINITY) <= after) {
          const own = render(wanted.filter((f) => f.seq > after));
          if (own) send(client, own);
        } else if (text) send(client, text);
      }
    }
  };

  const heartbeat = setInterval(() => {
    const ping = sseComment('ping');
    for (const group of groups.values()) for (const client of [...group]) send(client, ping);
  }, heartbeatMs);
  heartbeat.unref();

  const announce = (delta: LiveDelta): LiveDelta => {
    for (const listener of listeners) {
      try {
        listener(delta);
      } catch (error) {
        log('error', `[live] écouteur en échec : ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return delta;
  };

  const accept = (deltas: LiveDelta[]) => {
    for (const delta of deltas) {
      clock.observe(delta.seq);
      pending.push(announce(delta));
    }
    if (pending.length > 0 && !flushTimer) flushTimer = setTimeout(flush, flushDelayMs(count, { flushMs, writesPerSecond: flushWritesPerSecond, maxFlushMs }));
  };

  const stamp = (events: LiveEvent[]): LiveDelta[] => events.map((event) => ({ ...event, seq: clock.next() }) as LiveDelta);
  const emit = (events: LiveEvent[]) => accept(stamp(events));

  return {
    async start() {
      const fromBus = (deltas: LiveDelta[]) => accept(localOnly.size === 0 ? deltas : deltas.filter((d) => !localOnly.delete(d.seq)));
      unsubscribe = await bus.subscribe({ onDeltas: fromBus, onGap: () => emit([{ kind: 'resync' }]) });
    },
    async stop() {
      clearInterval(heartbeat);
      if (flushTimer) clearTimeout(flushTimer);
      flush();
      unsubscribe?.();
      for (const group of [...groups.values()]) for (const client of [...group]) {
        drop(client);
        client.sink.close();
      }
      await bus.close();
    },
    publish(events) {
      if (events.length === 0) return;
      const deltas = stamp(events);
      bus.publish(deltas).catch((error: unknown) => {
        const now = Date.now();
        if (now - lastBusWarnAt >= BUS_WARN_INTERVAL_MS) {
          lastBusWarnAt = now;
          log('warn', `[live] bus ${bus.kind} indisponible, diffusion locale seulement : ${error instanceof Error ? error.message : String(error)}`);
        }
        for (const d of deltas) localOnly.add(d.seq);
        for (const seq of localOnly) {
          if (localOnly.size <= LOCAL_ONLY_MAX) break;
          localOnly.delete(seq);
        }
        accept(deltas);
      });
    },
    emit,
    cursor: () => clock.cursor(),
    attach({ platformId, lastSeq, sink }) {
      if (count >= maxConnections) return { ok: false, retryAfterSeconds: 5 + Math.floor(random() * 10) };
      const client: Client = { platformId, sink, after: lastSeq };
      let opening = sseRetry(retryMs);
      const missed = lastSeq === null ? [] : buffer.since(lastSeq);
      if (missed === 'resync') {
        const seq = clock.cursor();
        opening += sseEvent(seq, JSON.stringify({ kind: 'resync', seq }));
      } else {
        opening += render(missed.filter((f) => wants(platformId, f))) || sseComment('ok');
      }
      sink.write(opening);
      const group = groups.get(platformId) ?? new Set<Client>();
      groups.set(platformId, group);
      group.add(client);
      count += 1;
      return { ok: true, detach: () => drop(client) };
    },
    connections: () => count,
    onDelta(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
