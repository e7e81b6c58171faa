import 'server-only';
import pg from 'pg';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { resolveDatabase } from './connection';
import { getDb } from './client';

/** What the export page readers need: one raw query (Prisma's `$queryRaw` signature). */
export type SqlReader = { $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T> };

const cache = globalThis as unknown as { __exportPool?: { pool: pg.Pool; url: string } };

/**
 * The reader of export pages: on PostgreSQL a small `pg` pool of its own, which hands each page's text
 * over as one string (through Prisma every page was copied several times: twice the RSS growth in
 * bench:export); on the embedded server, the Prisma client (PGlite serves one connection per process).
 */
export function getExportReader(): SqlReader {
  const target = resolveDatabase(env);
  if (target.kind !== 'postgresql' || !target.url) return getDb();
  if (cache.__exportPool?.url !== target.url) {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 4,
      connectionTimeoutMillis: env.DB_TIMEOUT_MS,
      query_timeout: env.DB_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      // With the default random_page_cost (4) the planner scans a whole time range for one académie's counts
      // instead of its (académie, time) index: 2–3× slower on pages held in memory (GeoJSON, bench:export).
      options: `-c statement_timeout=${env.DB_TIMEOUT_MS} -c random_page_cost=1.1`,
    });
    pool.on('error', () => {});
    cache.__exportPool = { pool, url: target.url };
  }
  const { pool } = cache.__exportPool;
  return {
    async $queryRaw<T>(query: Prisma.Sql): Promise<T> {
      return (await pool.query({ text: query.text, values: query.values })).rows as T;
    },
  };
}
