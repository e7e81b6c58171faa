import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type ClientOptions = {
  url: string;
  kind: 'embedded' | 'postgresql';
  poolMax?: number;
  timeoutMs?: number;
};

/** A Prisma client over node-postgres; used by the app singleton, scripts and tests. */
export function createPrismaClient(opts: ClientOptions): PrismaClient {
  const timeoutMs = opts.timeoutMs ?? 2500;
  const adapter = new PrismaPg(
    {
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
    },
    { onPoolError: () => {}, onConnectionError: () => {} },
  );
  return new PrismaClient({ adapter });
}
