import { Prisma } from '@/lib/generated/prisma/client';
import { ISO_MS, pageQuery, type BytePage, type ExportColumn, type RowEncoding } from './export-encoding';
import type { PageReader } from './export-reader';

/** A report as published: no fingerprint, device or moderation internals; the comment only once approved. */
export const REPORT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: 'id', value: Prisma.sql`t.id::text`, text: false },
  { name: 'date', value: ISO_MS(Prisma.sql`t.created_at`), text: false },
  { name: 'plateforme', value: Prisma.sql`t.platform_id`, text: true },
  { name: 'academie', value: Prisma.sql`t.academy_id`, text: true },
  { name: 'probleme', value: Prisma.sql`t.category`, text: true },
  { name: 'role', value: Prisma.sql`t.role`, text: true },
  { name: 'commentaire', value: Prisma.sql`CASE WHEN t.comment_state = 'approved' THEN t.comment END`, text: true },
];

/**
 * Counted, not hidden reports over [from, to) in (createdAt, id) order after `after` (keyset, as
 * returned in `last`), at most `limit`, written out by PostgreSQL (see export-encoding.ts).
 */
export function readReportPage(
  reader: PageReader,
  input: { from: Date; to: Date; platformId?: string | null; academyId?: string | null; category?: string | null; after?: string[] | null; limit: number; encoding: RowEncoding; delimiter: string },
): Promise<BytePage> {
  const conditions = [
    Prisma.sql`created_at >= ${input.from}`,
    Prisma.sql`created_at < ${input.to}`,
    Prisma.sql`counted`,
    Prisma.sql`moderation_state <> 'hidden'`,
  ];
  if (input.platformId) conditions.push(Prisma.sql`platform_id = ${input.platformId}`);
  if (input.academyId) conditions.push(Prisma.sql`academy_id = ${input.academyId}`);
  if (input.category) conditions.push(Prisma.sql`category = ${input.category}`);
  const [createdAt, id] = input.after ?? [];
  // The plain bound lets the planner range-scan the created_at index; the row comparison breaks ties.
  if (createdAt && id) conditions.push(Prisma.sql`created_at >= ${createdAt}::timestamptz`, Prisma.sql`(created_at, id) > (${createdAt}::timestamptz, ${id}::uuid)`);
  const rows = Prisma.sql`
    SELECT id, created_at, platform_id, academy_id, category, role, comment, comment_state
    FROM report
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY created_at, id
    LIMIT ${input.limit}`;
  const lastKey = Prisma.sql`ARRAY[${ISO_MS(Prisma.sql`created_at`)}, id::text]`;
  return reader.readPage(pageQuery({ rows, key: ['created_at', 'id'], lastKey, columns: REPORT_EXPORT_COLUMNS, encoding: input.encoding, delimiter: input.delimiter }));
}
