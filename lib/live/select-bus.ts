import type { Env } from '@/lib/config/env-schema';
import { createMemoryBus } from './memory-bus';
import { createPgBus } from './pg-bus';
import { createRedisBus } from './redis-bus';
import type { LiveBus, LiveBusKind, LiveLog } from './types';

type BusEnv = Pick<Env, 'LIVE_BUS' | 'REDIS_URL' | 'DATABASE_URL'>;

/**
 * LIVE_BUS=auto: Redis when REDIS_URL is set, else PostgreSQL when DATABASE_URL is set, else in
 * process. The embedded database cannot carry NOTIFY between connections (one PGlite session).
 */
export function chooseBusKind(env: BusEnv): LiveBusKind {
  if (env.LIVE_BUS !== 'auto') return env.LIVE_BUS;
  if (env.REDIS_URL) return 'redis';
  return env.DATABASE_URL ? 'postgres' : 'memory';
}

export function createBusFromEnv(env: BusEnv, log?: LiveLog): LiveBus {
  const kind = chooseBusKind(env);
  if (kind === 'redis') {
    if (!env.REDIS_URL) throw new Error('LIVE_BUS=redis demande REDIS_URL / LIVE_BUS=redis needs REDIS_URL');
    return createRedisBus({ url: env.REDIS_URL, log });
  }
  if (kind === 'postgres') {
    if (!env.DATABASE_URL) throw new Error('LIVE_BUS=postgres demande DATABASE_URL (la base embarquée ne transmet pas NOTIFY) / LIVE_BUS=postgres needs DATABASE_URL');
    return createPgBus({ url: env.DATABASE_URL, log });
  }
  return createMemoryBus();
}
