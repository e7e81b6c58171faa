import 'server-only';
import { getDb } from '@/lib/db/client';
import { listIncidentsUpdatedSince } from '@/lib/db/live';
import { env } from '@/lib/env';
import { componentLogger } from '@/lib/log/logger';
import { invalidateMapState, setMapStateSeqSource } from '@/lib/map-state/runtime';
import { createLiveHub, type LiveHub } from './hub';
import { createIncidentWatcher } from './incident-watcher';
import { createBusFromEnv } from './select-bus';
import type { LiveEvent, LiveLog } from './types';

export type LiveRuntime = { hub: LiveHub; ready: Promise<void>; stop(): Promise<void> };

// One hub per process, shared by scripts/serve.ts and the Next.js bundle (two module copies).
const holder = globalThis as unknown as { __live?: LiveRuntime };

const logger = componentLogger('live');
const log: LiveLog = (level, message) => logger[level](message);

/** The process's live hub: bus from LIVE_BUS, incident watcher on the database; started on first use. */
export function getLiveRuntime(): LiveRuntime {
  if (holder.__live) return holder.__live;
  const hub = createLiveHub({ bus: createBusFromEnv(env, log), maxConnections: env.LIVE_MAX_CONNECTIONS, flushWritesPerSecond: env.LIVE_FLUSH_WRITES_PER_SECOND, log });
  const watcher = createIncidentWatcher({ read: (since) => listIncidentsUpdatedSince(getDb(), since), emit: hub.emit, log });
  // Cached map states carry the stream position they reflect; incident changes and resyncs make them stale.
  setMapStateSeqSource(() => hub.cursor());
  hub.onDelta((delta) => {
    if (delta.kind !== 'report') invalidateMapState();
  });
  const ready = hub
    .start()
    .catch((error: unknown) => log('error', `[live] abonnement au bus impossible (diffusion locale seulement) : ${error instanceof Error ? error.message : String(error)}`))
    .then(() => watcher.start());
  const runtime: LiveRuntime = {
    hub,
    ready,
    async stop() {
      watcher.stop();
      await hub.stop();
      if (holder.__live === runtime) delete holder.__live;
    },
  };
  holder.__live = runtime;
  return runtime;
}

/** Sends events to every viewer (all instances). Never throws: live updates must not fail intake or moderation. */
export function publishLive(events: LiveEvent[]): void {
  try {
    getLiveRuntime().hub.publish(events);
  } catch (error) {
    log('error', `[live] publication impossible : ${error instanceof Error ? error.message : String(error)}`);
  }
}
