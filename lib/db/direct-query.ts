import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type Direct = { pool: pg.Pool; prepare: boolean };

const pools = new WeakMap<PrismaClient, Direct>();
const names = new Map<string, string>();

/** Lets directQuery reach the pg pool under `client` (createPrismaClient registers every client it makes). */
export function registerDirectPool(client: PrismaClient, direct: Direct): void {
  pools.set(client, direct);
}

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `direct_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot-path statement on the client's own pg pool, without the Prisma query engine's per-query
 * work; on PostgreSQL as a named prepared statement, parsed and planned once per connection (not on
 * the embedded server, whose socket multiplexes connections). Rows come back as pg parses them
 * (timestamptz as Date, int as number). Clients not made by createPrismaClient use $queryRaw.
 */
export async function directQuery<T>(db: PrismaClient, sql: Prisma.Sql): Promise<T[]> {
  const direct = pools.get(db);
  if (!direct) return db.$queryRaw<T[]>(sql);
  const config = { text: sql.text, values: sql.values as unknown[] };
  const result = await direct.pool.query(direct.prepare ? { ...config, name: statementName(sql.text) } : config);
  return result.rows as T[];
}
