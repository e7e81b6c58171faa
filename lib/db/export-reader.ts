import 'server-only';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { requireDatabaseTarget } from './client';
import { copyStatement, readCopyRow } from './copy-binary';
import type { BytePage } from './export-encoding';

/** Reads one export page: a `pageQuery` (export-encoding.ts) run by the database, its bytes as received. */
export type PageReader = { readPage(query: Prisma.Sql): Promise<BytePage> };

const cache = globalThis as unknown as { __exportPool?: { pool: pg.Pool; url: string } };

function pageOf(fields: Array<Uint8Array[] | null>): BytePage {
  const [rows, last, text] = fields;
  if (!rows || fields.length !== 3) throw new Error('page d’export : colonnes inattendues');
  const key = last ? (JSON.parse(Buffer.concat(last).toString('utf8')) as string[]) : null;
  return { rows: Buffer.concat(rows).readInt32BE(0), last: key, bytes: text ?? [] };
}

/**
 * Pages through `pool`, each as one `COPY (…) TO STDOUT (FORMAT binary)` read by pg-copy-streams:
 * the page's text reaches us as the socket's Buffers (pg's row reader, even in binary mode, decodes
 * every value into a string first). A page not read within `timeoutMs` fails and its connection is closed.
 */
export function createPageReader(pool: pg.Pool, timeoutMs: number): PageReader {
  return {
    async readPage(query) {
      const client = await pool.connect();
      const stream = client.query(copyTo(copyStatement(query)));
      // pg may report the end of a connection cut short after the read below has failed.
      stream.on('error', () => {});
      const timer = setTimeout(() => stream.destroy(new Error(`page d’export non lue en ${timeoutMs} ms`)), timeoutMs);
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of stream) chunks.push(chunk as Buffer);
      } catch (error) {
        // A COPY stopped midway leaves the connection mid-protocol: it is closed, not reused.
        client.release(error instanceof Error ? error : true);
        throw error;
      } finally {
        clearTimeout(timer);
      }
      client.release();
      return pageOf(readCopyRow(chunks));
    },
  };
}

/**
 * The reader of export pages: a small `pg` pool of its own, on PostgreSQL as on the embedded server
 * (whose socket server gives each connection the session in turn), so page bytes never become strings.
 */
export function getExportReader(): PageReader {
  const target = requireDatabaseTarget();
  if (cache.__exportPool?.url !== target.url) {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 4,
      connectionTimeoutMillis: env.DB_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      // No query_timeout: pg never clears it for a COPY stream, so it would fire after the page; readPage times pages.
      // With the default random_page_cost (4) the planner scans a whole time range for one académie's counts
      // instead of its (académie, time) index: 2–3× slower on pages held in memory (GeoJSON, bench:export).
      ...(target.kind === 'postgresql' ? { options: `-c statement_timeout=${env.DB_TIMEOUT_MS} -c random_page_cost=1.1` } : {}),
    });
    pool.on('error', () => {});
    cache.__exportPool = { pool, url: target.url };
  }
  return createPageReader(cache.__exportPool.pool, env.DB_TIMEOUT_MS);
}
