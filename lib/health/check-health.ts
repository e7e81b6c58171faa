import 'server-only';
import pkg from '@/package.json';
import { getDatabaseKind } from '@/lib/db/client';
import { checkDatabase, type DatabaseHealth } from '@/lib/db/health';
import { withTimeout } from '@/lib/http/timeout';
import { checkRedis, type RedisHealth } from '@/lib/redis/client';
import { componentLogger, errorMessage } from '@/lib/log/logger';

const log = componentLogger('health');

const DATABASE_PROBE_MS = 2_500;

export const EMBEDDED_DURABILITY_NOTE =
  'Base embarquée (PGlite) sans fsync : elle survit à l’arrêt brutal du processus, pas à une coupure de courant. Utilisez PostgreSQL (DATABASE_URL) en production.';

export type HealthReport = {
  httpStatus: 200 | 503;
  body: {
    status: 'ok' | 'degraded' | 'unavailable';
    version: string;
    time: string;
    database: (DatabaseHealth | { kind: 'embedded' | 'postgresql'; reachable: false }) & { durable: boolean; note?: string };
    redis: RedisHealth;
    error?: { code: string; message: string };
  };
};

/**
 * 503 only when this instance cannot take reports (database unreachable or not migrated); a Redis
 * that is down or frozen is `degraded` with 200: limits and live updates fall back per instance.
 */
export async function checkHealth(now = new Date()): Promise<HealthReport> {
  const kind = getDatabaseKind();
  const durability = kind === 'embedded' ? { durable: false, note: EMBEDDED_DURABILITY_NOTE } : { durable: true };
  const base = { version: pkg.version, time: now.toISOString() };
  const [database, redis] = await Promise.all([
    withTimeout(checkDatabase(), DATABASE_PROBE_MS).catch((error: unknown) => {
      log.error({ err: errorMessage(error) }, 'database unreachable');
      return null;
    }),
    checkRedis(),
  ]);
  if (!database) {
    return {
      httpStatus: 503,
      body: {
        status: 'unavailable',
        ...base,
        database: { kind, reachable: false, ...durability },
        redis,
        error: { code: 'unavailable', message: 'Base de données injoignable.' },
      },
    };
  }
  const migrated = !database.migrations.error && database.migrations.pending.length === 0;
  const redisOk = !redis.configured || redis.reachable;
  const status = migrated && redisOk ? 'ok' : 'degraded';
  return { httpStatus: migrated ? 200 : 503, body: { status, ...base, database: { ...database, ...durability }, redis } };
}
