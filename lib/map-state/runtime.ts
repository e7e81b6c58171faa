import 'server-only';
import type { PlatformBaselines } from '@/lib/detect/platform-baseline';
import type { MapCatalog, SparklineBucket } from '@/lib/db/map-state';
import type { BuildMapStateInput } from './build-map-state';
import { createMemoryMapStateCache, type MapStateCache } from './cache';
import type { MapState } from './types';
import { componentLogger, errorMessage } from '@/lib/log/logger';

/** Database inputs of the states at one instant for one category (shared by every platform filter). */
export type MapInputs = Omit<BuildMapStateInput, 'platformId'> & { knownPlatforms: ReadonlySet<string> };

/** A state rendered once for every viewer: JSON body, weak ETag (which ignores a live `at`), gzip made on first use. */
export type RenderedState = { state: MapState; body: string; etag: string; gzip?: Buffer };

export type MapStateRuntime = {
  inputs: MapStateCache<MapInputs>;
  /** Sparkline buckets already closed (all but the last), re-read once a minute rather than every second. */
  closedBuckets: MapStateCache<SparklineBucket[]>;
  rendered: WeakMap<MapInputs, Map<string, RenderedState>>;
  catalog: MapStateCache<MapCatalog>;
  baselines: MapStateCache<PlatformBaselines | null>;
  expected: MapStateCache<Map<string, number>>;
  /** Last live-stream sequence published (the stream registers it); read before the database. */
  seq: () => number;
};

const holder = globalThis as unknown as { __mapState?: MapStateRuntime };
const log = componentLogger('map-state');
const logError = (error: unknown) => log.error({ err: errorMessage(error) }, 'refresh failed');

/** Per-process caches, on globalThis so that the Next.js bundle and scripts/serve.ts share them. */
export function getMapStateRuntime(): MapStateRuntime {
  holder.__mapState ??= {
    inputs: createMemoryMapStateCache({ maxEntries: 500, onError: logError }),
    closedBuckets: createMemoryMapStateCache({ maxEntries: 500, onError: logError }),
    rendered: new WeakMap(),
    catalog: createMemoryMapStateCache({ maxEntries: 1, onError: logError }),
    baselines: createMemoryMapStateCache({ maxEntries: 200, onError: logError }),
    expected: createMemoryMapStateCache({ maxEntries: 20_000, onError: logError }),
    seq: () => 0,
  };
  return holder.__mapState;
}

/** Drops every cached state (moderation, incident changes, stream resync); the next request reads the database. */
export function invalidateMapState(): void {
  const runtime = getMapStateRuntime();
  runtime.inputs.invalidate();
  runtime.closedBuckets.invalidate();
  runtime.rendered = new WeakMap();
}

/** The live stream tells the map state which sequence number it has published so far. */
export function setMapStateSeqSource(seq: () => number): void {
  getMapStateRuntime().seq = seq;
}
