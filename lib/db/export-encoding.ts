import { Prisma } from '@/lib/generated/prisma/client';

/** How one exported row is written, by PostgreSQL itself: a CSV line or a compact JSON object. */
export type RowEncoding = { kind: 'csv'; separator: ',' | ';' } | { kind: 'json' };

/** One public column: its exported name, its value over the page's row `t`, and whether it is free text. */
export type ExportColumn = { name: string; value: Prisma.Sql; text: boolean };

/**
 * Rows of one page written out in UTF-8 and joined by the caller's delimiter, as the driver received
 * them (views of its buffers: no string is built), and the key after its last row.
 */
export type BytePage = { bytes: Uint8Array[]; rows: number; last: string[] | null };

/** Date.prototype.toISOString's form (timestamps are stored to the millisecond). */
export const ISO_MS = (ts: Prisma.Sql) => Prisma.sql`to_char(${ts} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// Same rule as lib/export/csv.ts csvField (both separators, quotes, newlines, '#'), checked by the export tests.
const csvText = (v: Prisma.Sql) => Prisma.sql`CASE WHEN ${v} ~ '[",;#\r\n]' THEN '"' || replace(${v}, '"', '""') || '"' ELSE coalesce(${v}, '') END`;

function encodedRow(columns: readonly ExportColumn[], encoding: RowEncoding): Prisma.Sql {
  if (encoding.kind === 'json') return Prisma.sql`row_to_json(p)::text`;
  const fields = columns.map((c) => {
    const v = Prisma.sql`p.${Prisma.raw(c.name)}`;
    return c.text ? csvText(v) : Prisma.sql`coalesce(${v}::text, '')`;
  });
  return Prisma.sql`concat_ws(${encoding.separator}::text, ${Prisma.join(fields)}) || E'\r\n'`;
}

/**
 * One page of `rows` (a subquery aliased `t`, ordered by `key` and limited) encoded by PostgreSQL:
 * the public columns are built once per row (`p`), written as CSV or JSON, and joined in key order
 * into one text. One row: `rows`, `last` (the last key as a JSON array, or NULL), then `text`.
 */
export function pageQuery(input: { rows: Prisma.Sql; key: readonly string[]; lastKey: Prisma.Sql; columns: readonly ExportColumn[]; encoding: RowEncoding; delimiter: string }): Prisma.Sql {
  const order = Prisma.raw(input.key.join(', '));
  const orderDesc = Prisma.raw(input.key.map((k) => `${k} DESC`).join(', '));
  const publicColumns = Prisma.join(input.columns.map((c) => Prisma.sql`${c.value} AS ${Prisma.raw(c.name)}`));
  return Prisma.sql`
    WITH page AS (
      SELECT t.*, ${encodedRow(input.columns, input.encoding)} AS line
      FROM (${input.rows}) t, LATERAL (SELECT ${publicColumns}) p
    )
    SELECT count(*)::int AS rows,
           (SELECT to_json(${input.lastKey})::text FROM page ORDER BY ${orderDesc} LIMIT 1) AS last,
           coalesce(string_agg(line, ${input.delimiter}::text ORDER BY ${order}), '') AS text
    FROM page`;
}
