import 'server-only';
import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import { reportEvents } from '@/lib/live/report-events';
import { publishLive } from '@/lib/live/runtime';
import { createPowConfig, type PowConfig } from '@/lib/pow/challenge';
import { createRollingCounter, type RollingCounter } from '@/lib/pow/rolling-count';
import { INITIAL_SURGE_STATE, type SurgeState } from '@/lib/pow/surge';
import { createMemoryUsedChallengeStore, type UsedChallengeStore } from '@/lib/pow/used-challenges';
import { createSharedStore } from '@/lib/ratelimit/shared-store';
import type { RateLimitStore } from '@/lib/ratelimit/types';
import { createBatcher, type Batcher } from './batcher';
import { buildCatalog, type Catalog } from './check-catalog';
import { createInFlightReports } from './in-flight';
import type { PendingReport } from './plan-batch';
import { processBatch, type BatchResult } from './process-batch';
import { loadSourceSecret } from './secret';

export type IngestRuntime = {
  store: RateLimitStore;
  batcher: Batcher<PendingReport, BatchResult>;
  secret: () => Promise<string>;
  catalog: (now: Date) => Promise<Catalog>;
  pow: () => Promise<PowConfig>;
  usedChallenges: UsedChallengeStore;
  traffic: RollingCounter;
  surge: { state: SurgeState };
};

const CATALOG_TTL_MS = 60_000;
const holder = globalThis as unknown as { __ingest?: IngestRuntime };

function createStore(): RateLimitStore {
  return createSharedStore({ redisUrl: env.REDIS_URL, maxKeys: 200_000, label: 'ingest' });
}

/** Per-process ingest state: batcher, limiter store (memory, or Redis when REDIS_URL is set), caches. */
export function getIngestRuntime(): IngestRuntime {
  if (holder.__ingest) return holder.__ingest;
  let secret: Promise<string> | null = null;
  let catalog: { value: Catalog; at: number } | null = null;
  let pow: Promise<PowConfig> | null = null;
  const inFlight = createInFlightReports();
  const runtime: IngestRuntime = {
    store: createStore(),
    batcher: createBatcher({
      maxBatch: env.INGEST_BATCH_MAX,
      maxWriters: env.INGEST_BATCH_WRITERS,
      run: (items) => processBatch(getDb(), items, { onStored: (stored) => publishLive(reportEvents(stored)), inFlight }),
    }),
    secret: () => {
      secret ??= loadSourceSecret(getDb(), env.SOURCE_SECRET).catch((error: unknown) => {
        secret = null;
        throw error;
      });
      return secret;
    },
    async catalog(now) {
      if (catalog && now.getTime() - catalog.at < CATALOG_TTL_MS) return catalog.value;
      const [platforms, academies] = await Promise.all([
        getDb().platform.findMany({ select: { id: true, retiredAt: true, academies: { select: { academyId: true } } } }),
        getDb().academy.findMany({ select: { id: true } }),
      ]);
      const value = buildCatalog({
        platforms: platforms.map((p) => ({ id: p.id, retiredAt: p.retiredAt, academies: p.academies.map((a) => a.academyId) })),
        academyIds: academies.map((a) => a.id),
        now,
      });
      catalog = { value, at: now.getTime() };
      return value;
    },
    pow: () => {
      pow ??= runtime.secret().then((s) => createPowConfig(s));
      return pow;
    },
    usedChallenges: createMemoryUsedChallengeStore({ maxEntries: 100_000 }),
    traffic: createRollingCounter({ windowMs: 60_000, bucketMs: 5_000 }),
    surge: { state: INITIAL_SURGE_STATE },
  };
  holder.__ingest = runtime;
  return runtime;
}
