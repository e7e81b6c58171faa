import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from '@/lib/db/embedded/owner';

let server: EmbeddedServer;
beforeAll(async () => {
  server = await startEmbeddedServer({ dataDir: 'memory://' });
});
afterAll(() => server.stop());

describe('embedded database server with many connections', () => {
  test('concurrent extended-protocol queries from several connections never mix statements', async () => {
    const pools = Array.from({ length: 5 }, () => new pg.Pool({ connectionString: server.url, max: 6 }));
    const queries: Array<Promise<void>> = [];
    for (let i = 0; i < 2000; i += 1) {
      const pool = pools[i % pools.length] as pg.Pool;
      const arity = ((i * 7) % 40) + 1;
      const params = Array.from({ length: arity }, (_, k) => i * 10 + k);
      const sql = `SELECT ${params.map((_, k) => `$${k + 1}::int`).join(' + ')} AS total`;
      queries.push(
        pool.query<{ total: number }>(sql, params).then((res) => {
          expect(res.rows[0]?.total).toBe(params.reduce((a, b) => a + b, 0));
        }),
      );
    }
    await Promise.all(queries);
    await Promise.all(pools.map((p) => p.end()));
  });

  test('a transaction on one connection is not visible to, nor interleaved with, another', async () => {
    const a = new pg.Client({ connectionString: server.url });
    const b = new pg.Client({ connectionString: server.url });
    await Promise.all([a.connect(), b.connect()]);
    await a.query('CREATE TABLE IF NOT EXISTS t_iso (n int)');
    await a.query('BEGIN');
    await a.query('INSERT INTO t_iso VALUES ($1)', [1]);
    const other = b.query<{ n: number }>('SELECT count(*)::int AS n FROM t_iso WHERE n = $1', [1]);
    await new Promise((r) => setTimeout(r, 50));
    await a.query('ROLLBACK');
    expect((await other).rows[0]?.n).toBe(0);
    await Promise.all([a.end(), b.end()]);
  });
});
