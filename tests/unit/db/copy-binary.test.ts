import { describe, expect, test } from 'vitest';
import { copyStatement, readCopyRow } from '@/lib/db/copy-binary';
import { Prisma } from '@/lib/generated/prisma/client';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const field = (value: Buffer | null) => (value === null ? int32(-1) : Buffer.concat([int32(value.length), value]));
const TEXT = Buffer.from('a,"b ""c"""\r\né 😀 ; \\ #\r\n');

/** What PostgreSQL sends for `COPY (SELECT 3, NULL, TEXT) TO STDOUT (FORMAT binary)`, with a header extension. */
function copyOutput(rows: Array<Array<Buffer | null>>): Buffer {
  const header = Buffer.concat([SIGNATURE, int32(0), int32(3), Buffer.from('ext')]);
  const tuples = rows.map((fields) => Buffer.concat([int16(fields.length), ...fields.map(field)]));
  return Buffer.concat([header, ...tuples, int16(-1)]);
}

const ONE_ROW = copyOutput([[int32(3), null, TEXT]]);
const joined = (parts: Uint8Array[] | null | undefined) => (parts ? Buffer.concat(parts).toString('utf8') : parts);

describe('readCopyRow', () => {
  test('reads the fields of the one row wherever the driver cut its chunks', () => {
    for (let cut = 0; cut <= ONE_ROW.length; cut += 1) {
      const [count, none, text] = readCopyRow([ONE_ROW.subarray(0, cut), ONE_ROW.subarray(cut)]);
      expect(Buffer.concat(count ?? []).readInt32BE(0)).toBe(3);
      expect(none).toBeNull();
      expect(joined(text)).toBe(TEXT.toString('utf8'));
    }
    const bytes = [...ONE_ROW].map((b) => Buffer.from([b]));
    expect(joined(readCopyRow(bytes)[2])).toBe(TEXT.toString('utf8'));
  });

  test('hands the text on as views of the received buffers, not copies', () => {
    const [, , text] = readCopyRow([ONE_ROW]);
    expect(text).toHaveLength(1);
    expect(text?.[0]?.buffer).toBe(ONE_ROW.buffer);
  });

  test('an empty text is an empty list of parts', () => {
    expect(readCopyRow([copyOutput([[Buffer.alloc(0)]])])).toEqual([[]]);
  });

  test.each([
    ['a wrong signature', Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\x01', 'latin1'), ONE_ROW.subarray(11)])],
    ['a truncated output', ONE_ROW.subarray(0, ONE_ROW.length - 3)],
    ['no row', copyOutput([])],
    ['two rows', copyOutput([[TEXT], [TEXT]])],
    ['bytes after the trailer', Buffer.concat([ONE_ROW, Buffer.from([0])])],
  ])('throws on %s', (_, output) => {
    expect(() => readCopyRow([output])).toThrow(/COPY binaire/);
  });
});

describe('copyStatement', () => {
  test('writes each value as a literal escaped by pg (E-string when it holds a backslash)', () => {
    const query = Prisma.sql`SELECT ${"l'école \\ x"}, ${new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))}, ${20_000}, ${null} FROM t WHERE a IN (${Prisma.join(['x', 'y'])})`;
    expect(copyStatement(query)).toBe(
      "COPY (SELECT  E'l''école \\\\ x', '2024-01-02T03:04:05.006Z', '20000', NULL FROM t WHERE a IN ('x','y')) TO STDOUT (FORMAT binary)",
    );
  });

  test('refuses a value it cannot write as a literal', () => {
    expect(() => copyStatement(Prisma.sql`SELECT ${{ a: 1 }}`)).toThrow(TypeError);
    expect(() => copyStatement(Prisma.sql`SELECT ${Number.NaN}`)).toThrow(TypeError);
  });
});
