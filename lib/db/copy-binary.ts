import pg from 'pg';
import type { Prisma } from '@/lib/generated/prisma/client';

/** PostgreSQL's binary COPY signature: "PGCOPY\n\377\r\n\0". */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Reads bytes across the chunks a driver received, handing large runs on as views (no copy). */
class ChunkCursor {
  private index = 0;
  private offset = 0;

  constructor(private readonly chunks: readonly Uint8Array[]) {}

  take(length: number): Uint8Array[] {
    const parts: Uint8Array[] = [];
    for (let left = length; left > 0; ) {
      const chunk = this.chunks[this.index];
      if (!chunk) throw new Error('COPY binaire tronqué');
      const part = chunk.subarray(this.offset, this.offset + left);
      if (part.length > 0) parts.push(part);
      left -= part.length;
      this.offset += part.length;
      if (this.offset === chunk.length) [this.index, this.offset] = [this.index + 1, 0];
    }
    return parts;
  }

  int(bytes: 2 | 4): number {
    const value = Buffer.concat(this.take(bytes));
    return bytes === 2 ? value.readInt16BE(0) : value.readInt32BE(0);
  }

  isAtEnd(): boolean {
    return this.chunks.slice(this.index).reduce((left, chunk) => left + chunk.length, -this.offset) === 0;
  }
}

/**
 * The one row of a `COPY (…) TO STDOUT (FORMAT binary)` output, as received in `chunks`: each field's
 * bytes as views of the chunks, or null for SQL NULL. Throws if the output is not exactly one row.
 */
export function readCopyRow(chunks: readonly Uint8Array[]): Array<Uint8Array[] | null> {
  const cursor = new ChunkCursor(chunks);
  if (!Buffer.concat(cursor.take(SIGNATURE.length)).equals(SIGNATURE)) throw new Error('COPY binaire : signature inconnue');
  cursor.int(4);
  cursor.take(cursor.int(4));
  const fieldCount = cursor.int(2);
  if (fieldCount < 0) throw new Error('COPY binaire : aucune ligne');
  const fields = Array.from({ length: fieldCount }, () => {
    const length = cursor.int(4);
    return length === -1 ? null : cursor.take(length);
  });
  if (cursor.int(2) !== -1 || !cursor.isAtEnd()) throw new Error('COPY binaire : une seule ligne attendue');
  return fields;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return pg.escapeLiteral(String(value));
  throw new TypeError(`COPY : valeur de type ${typeof value} non prise en charge`);
}

/**
 * `query` as a binary COPY to the client. COPY takes no bind parameters, so each value is written as an
 * untyped literal by the driver's own escaping: what pg sends a parameter as (text of unknown type).
 */
export function copyStatement(query: Prisma.Sql): string {
  const text = query.strings.reduce((sql, part, i) => sql + literal(query.values[i - 1]) + part);
  return `COPY (${text}) TO STDOUT (FORMAT binary)`;
}
