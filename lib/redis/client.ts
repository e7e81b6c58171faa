import Redis, { type RedisOptions } from 'ioredis';

/** Deadline of one Redis command on a request path (ms): past it the in-memory fallback answers. */
export const REDIS_COMMAND_TIMEOUT_MS = 250;
const CONNECT_TIMEOUT_MS = 1_000;
const PROBE_TIMEOUT_MS = 500;

export type RedisHealth = { configured: boolean; reachable: boolean; latencyMs: number | null; error?: string };

// Shared by scripts/serve.ts and the Next.js bundle (two module copies in one process).
const holder = globalThis as unknown as { __redisClients?: Set<Redis> };
function registry(): Set<Redis> {
  holder.__redisClients ??= new Set();
  return holder.__redisClients;
}

/**
 * An ioredis client whose commands fail after REDIS_COMMAND_TIMEOUT_MS (a frozen Redis keeps its
 * TCP connection open, so without a deadline every caller would wait for it), registered for health.
 */
export function createRedisClient(url: string, options: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    ...options,
  });
  registry().add(client);
  client.once('end', () => registry().delete(client));
  return client;
}

const FIRST_CONNECTION = new Set(['wait', 'connecting', 'connect']);

/**
 * Resolves once a client that is still making its first connection is ready, or after `ms`. With
 * the offline queue off, a command sent before then fails at once ("Stream isn't writeable"): the
 * first requests after a start would fall back to per-instance limits. A client already connected,
 * reconnecting after a loss or closed returns at once (its command then succeeds or fails fast).
 */
export function untilFirstConnection(client: Redis, ms: number = REDIS_COMMAND_TIMEOUT_MS): Promise<void> | null {
  if (!FIRST_CONNECTION.has(client.status)) return null;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('end', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.once('ready', done);
    client.once('end', done);
  });
}

/** Pings every command client of this process within a deadline; unreachable if any fails. */
export async function checkRedis(): Promise<RedisHealth> {
  const clients = [...registry()].filter((c) => c.options.commandTimeout !== undefined);
  if (clients.length === 0) return { configured: false, reachable: false, latencyMs: null };
  const started = performance.now();
  try {
    await Promise.all(clients.map((c) => withDeadline(c.ping(), PROBE_TIMEOUT_MS)));
    return { configured: true, reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { configured: true, reachable: false, latencyMs: null, error: error instanceof Error ? error.message : String(error) };
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis: pas de réponse en ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
