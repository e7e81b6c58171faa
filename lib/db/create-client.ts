import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { registerDirectPool } from './direct-query';

export type ClientOptions = {
  url: string;
  kind: 'embedded' | 'postgresql';
  poolMax?: number;
  timeoutMs?: number;
};

/** A Prisma client over node-postgres; used by the app singleton, scripts and tests. */
export function createPrismaClient(opts: ClientOptions): PrismaClient {
  const timeoutMs = opts.timeoutMs ?? 2500;
  const pool = new pg.Pool({
    connectionString: opts.url,
    // PGlite is single-connection: its socket server multiplexes connections message by message,
    // which mixes up unnamed prepared statements of concurrent connections. One connection per process.
    max: opts.kind === 'embedded' ? 1 : (opts.poolMax ?? 10),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    idleTimeoutMillis: 30_000,
    ...(opts.kind === 'postgresql'
      ? { options: `-c statement_timeout=${timeoutMs} -c lock_timeout=${timeoutMs}` }
      : {}),
  });
  pool.on('error', () => {});
  // One pool for Prisma and for the hot path's direct statements (lib/db/direct-query.ts).
  const adapter = new PrismaPg(pool, { onPoolError: () => {}, onConnectionError: () => {}, disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  registerDirectPool(client, { pool, prepare: opts.kind === 'postgresql' });
  return client;
}
