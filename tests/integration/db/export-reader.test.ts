import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { getDb, requireDatabaseTarget } from '@/lib/db/client';
import { createPageReader, getExportReader } from '@/lib/db/export-reader';
import { Prisma } from '@/lib/generated/prisma/client';
import { countPages, reportPages } from '@/lib/export/pages';

const pool = new pg.Pool({ connectionString: requireDatabaseTarget().url, max: 1 });
const ONE_ROW_PAGE = Prisma.sql`SELECT 1::int AS rows, '["k"]'::text AS last, 'a;b' || E'\r\n' AS text`;
const CSV = { encoding: { kind: 'csv' as const, separator: ',' as const }, delimiter: '' };
const PERIOD = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') };

afterAll(() => pool.end());

describe('createPageReader', () => {
  test('reads the count, the last key and the text of a page', async () => {
    const page = await createPageReader(pool, 5_000).readPage(ONE_ROW_PAGE);
    expect({ rows: page.rows, last: page.last, text: Buffer.concat(page.bytes).toString() }).toEqual({ rows: 1, last: ['k'], text: 'a;b\r\n' });
  });

  test('a failing page rejects with the database error and leaves the pool usable', async () => {
    const reader = createPageReader(pool, 5_000);
    await expect(reader.readPage(Prisma.sql`SELECT 1 / ${0}::int AS rows, NULL::text AS last, '' AS text`)).rejects.toThrow(/division by zero/);
    expect((await reader.readPage(ONE_ROW_PAGE)).rows).toBe(1);
  });

  test('a page not read in time fails, and its connection is closed rather than reused', async () => {
    const slow = Prisma.sql`SELECT 0::int AS rows, NULL::text AS last, pg_sleep(0.5)::text AS text`;
    await expect(createPageReader(pool, 50).readPage(slow)).rejects.toThrow(/non lue en 50 ms/);
    expect((await createPageReader(pool, 5_000).readPage(ONE_ROW_PAGE)).last).toEqual(['k']);
  });
});

describe('filter values written as literals into the COPY', () => {
  test.each([`pronote' OR '1'='1`, `x\\' OR TRUE --`, `'); DROP TABLE report; --`])('%s selects no row and breaks nothing', async (value) => {
    const reader = getExportReader();
    const texts: string[] = [];
    for await (const page of reportPages(reader, { ...PERIOD, platformId: value, category: value }, CSV)) texts.push(Buffer.concat(page.bytes).toString());
    for await (const page of countPages(reader, { ...PERIOD, bucket: '1j', academyId: value }, CSV)) texts.push(Buffer.concat(page.bytes).toString());
    expect(texts).toEqual([]);
    await expect(getDb().report.count()).resolves.toBeGreaterThanOrEqual(0);
  });
});
