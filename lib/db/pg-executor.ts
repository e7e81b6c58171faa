import pg from 'pg';
import type { SqlExecutor } from './migrate/apply';

/** A single `pg` connection wrapped as the migration runner's executor. */
export async function connectExecutor(url: string): Promise<SqlExecutor & { close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}
