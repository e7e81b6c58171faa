import 'server-only';
import { getDb } from '@/lib/db/client';
import { listServiceAreas } from '@/lib/db/catalog';
import { refreshYoungPartitionStatistics } from '@/lib/db/report-partitions';
import { componentLogger, errorMessage } from '@/lib/log/logger';
import { env } from '@/lib/env';
import { reportEvents } from '@/lib/live/report-events';
import { publishLive } from '@/lib/live/runtime';
import { createPowConfig, type PowConfig } from '@/lib/pow/challenge';
import { loadPowSecret } from '@/lib/pow/secret';
import { createSharedSurge, type SharedSurge } from '@/lib/pow/shared-surge';
import { createDbUsedChallengeStore, type UsedChallengeStore } from '@/lib/pow/used-challenges';
import { createSharedStore } from '@/lib/ratelimit/shared-store';
import type { RateLimitStore } from '@/lib/ratelimit/types';
import { createBatcher, type Batcher } from './batcher';
import { buildCatalog, type Catalog } from './check-catalog';
import { createInFlightReports } from './in-flight';
import { createPartitionStatisticsKeeper } from './partition-statistics';
import type { PendingReport } from './plan-batch';
import { createDayKeySource, type DayKeySource } from './day-key';
import { processBatch, type BatchResult } from './process-batch';
import { createSharedRefresh } from './shared-refresh';

export type IngestRuntime = {
  store: RateLimitStore;
  batcher: Batcher<PendingReport, BatchResult>;
  /** Today's random fingerprint key (sources, networks, device tokens). */
  dayKey: DayKeySource;
  catalog: (now: Date) => Promise<Catalog>;
  pow: () => Promise<PowConfig>;
  /** Shared by every instance through the database, like the surge switch. */
  usedChallenges: UsedChallengeStore;
  surge: SharedSurge;
};

const CATALOG_TTL_MS = 60_000;
const PARTITION_STATISTICS_EVERY_MS = 1_000;
const holder = globalThis as unknown as { __ingest?: IngestRuntime };

function createStore(): RateLimitStore {
  return createSharedStore({ redisUrl: env.REDIS_URL, maxKeys: 200_000, label: 'ingest' });
}

async function loadCatalog(now: Date): Promise<Catalog> {
  return buildCatalog({ ...(await listServiceAreas(getDb())), now });
}

/**
 * Per-process ingest state: batcher, limiter store (memory, or Redis when REDIS_URL is set), caches;
 * day keys, used proofs of work and the surge switch live in the database, shared by every instance.
 */
export function getIngestRuntime(): IngestRuntime {
  if (holder.__ingest) return holder.__ingest;
  let pow: Promise<PowConfig> | null = null;
  const inFlight = createInFlightReports();
  const statistics = createPartitionStatisticsKeeper({
    everyMs: PARTITION_STATISTICS_EVERY_MS,
    refresh: (now) => refreshYoungPartitionStatistics(getDb(), now),
    onError: (error) => componentLogger('ingest').warn({ err: errorMessage(error) }, 'statistiques de la partition du mois : échec'),
  });
  const runtime: IngestRuntime = {
    store: createStore(),
    batcher: createBatcher({
      maxBatch: env.INGEST_BATCH_MAX,
      maxWriters: env.INGEST_BATCH_WRITERS,
      run: async (items) => {
        const result = await processBatch(getDb(), items, { onStored: (stored) => publishLive(reportEvents(stored)), inFlight });
        statistics.afterBatch(new Date());
        return result;
      },
    }),
    dayKey: createDayKeySource(getDb()),
    catalog: createSharedRefresh({ ttlMs: CATALOG_TTL_MS, load: (now) => loadCatalog(now) }),
    pow: () => {
      pow ??= loadPowSecret(getDb(), env.POW_SECRET).then((s) => createPowConfig(s)).catch((error: unknown) => {
        pow = null;
        throw error;
      });
      return pow;
    },
    usedChallenges: createDbUsedChallengeStore(getDb()),
    surge: createSharedSurge(getDb()),
  };
  holder.__ingest = runtime;
  return runtime;
}
