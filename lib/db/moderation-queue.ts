import { Prisma } from '@/lib/generated/prisma/client';
import type { DbLike } from './audit';

export type QueueFilterSql = {
  platformId?: string;
  academyId?: string;
  category?: string;
  role?: string;
  flag?: string;
  from?: Date;
  to?: Date;
};
export type QueueFacet = 'platform' | 'academy' | 'category' | 'role' | 'flag';

const PENDING = Prisma.sql`comment_state = 'pending' AND moderation_state <> 'hidden'`;
const FLAG_VALUE = Prisma.sql`coalesce(flag_reason, 'aucun')`;

/** The WHERE of pending comments under `filter`, leaving out the facet whose counts are being read. */
export function pendingWhere(filter: QueueFilterSql, except?: QueueFacet): Prisma.Sql {
  const parts = [PENDING];
  if (filter.platformId && except !== 'platform') parts.push(Prisma.sql`platform_id = ${filter.platformId}`);
  if (filter.academyId && except !== 'academy') parts.push(Prisma.sql`academy_id = ${filter.academyId}`);
  if (filter.category && except !== 'category') parts.push(Prisma.sql`category = ${filter.category}`);
  if (filter.role && except !== 'role') parts.push(Prisma.sql`role = ${filter.role}`);
  if (filter.flag && except !== 'flag') parts.push(Prisma.sql`${FLAG_VALUE} = ${filter.flag}`);
  if (filter.from) parts.push(Prisma.sql`created_at >= ${filter.from}`);
  if (filter.to) parts.push(Prisma.sql`created_at <= ${filter.to}`);
  return Prisma.join(parts, ' AND ');
}

/** Gives pending comments without a group key theirs (computed by `keyOf`); returns how many were keyed. */
export async function assignCommentKeys(db: DbLike, keyOf: (comment: string) => string, limit: number): Promise<number> {
  const rows = await db.$queryRaw<Array<{ id: string; comment: string }>>`
    SELECT id::text AS id, comment FROM report
    WHERE comment_state = 'pending' AND comment_key IS NULL AND comment IS NOT NULL LIMIT ${limit}`;
  if (rows.length === 0) return 0;
  await db.$executeRaw`
    UPDATE report r SET comment_key = k.key
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => keyOf(r.comment))}::text[]) AS k(id, key)
    WHERE r.id = k.id AND r.comment_key IS NULL`;
  return rows.length;
}

export type PendingCommentRow = {
  id: string;
  createdAt: Date;
  platformId: string;
  academyId: string;
  category: string;
  role: string | null;
  comment: string | null;
  flagReason: string | null;
  counted: boolean;
  sourceFingerprint: string | null;
  commentKey: string | null;
};

/** One page of pending comments, newest or oldest first, after the keyset (createdAt, id) `after`. */
export async function listPendingComments(
  db: DbLike,
  input: { filter: QueueFilterSql; newestFirst: boolean; after?: { createdAt: Date; id: string }; limit: number },
): Promise<PendingCommentRow[]> {
  const { after, newestFirst } = input;
  const keyset = after
    ? newestFirst
      ? Prisma.sql`AND (created_at, id) < (${after.createdAt}, ${after.id}::uuid)`
      : Prisma.sql`AND (created_at, id) > (${after.createdAt}, ${after.id}::uuid)`
    : Prisma.empty;
  const order = newestFirst ? Prisma.sql`created_at DESC, id DESC` : Prisma.sql`created_at ASC, id ASC`;
  return db.$queryRaw<PendingCommentRow[]>`
    SELECT id::text AS id, created_at AS "createdAt", platform_id AS "platformId", academy_id AS "academyId", category, role,
      comment, flag_reason AS "flagReason", counted, source_fingerprint AS "sourceFingerprint", comment_key AS "commentKey"
    FROM report WHERE ${pendingWhere(input.filter)} ${keyset}
    ORDER BY ${order} LIMIT ${input.limit}`;
}

export type FacetCount = { facet: QueueFacet; value: string; count: number };

/** Pending comments per value of each facet, each counted under the other facets' filters (one scan). */
export async function countPendingFacets(db: DbLike, filter: QueueFilterSql): Promise<{ facets: FacetCount[]; total: number }> {
  const rows = await db.$queryRaw<Array<{ platform_id: string | null; academy_id: string | null; category: string | null; role: string | null; flag: string | null; g: number; n_platform: number; n_academy: number; n_category: number; n_role: number; n_flag: number; n_all: number }>>`
    SELECT platform_id, academy_id, category, coalesce(role, 'inconnu') AS role, ${FLAG_VALUE} AS flag,
      GROUPING(platform_id, academy_id, category, coalesce(role, 'inconnu'), ${FLAG_VALUE})::int AS g,
      (count(*) FILTER (WHERE ${pendingWhere(filter, 'platform')}))::int AS n_platform,
      (count(*) FILTER (WHERE ${pendingWhere(filter, 'academy')}))::int AS n_academy,
      (count(*) FILTER (WHERE ${pendingWhere(filter, 'category')}))::int AS n_category,
      (count(*) FILTER (WHERE ${pendingWhere(filter, 'role')}))::int AS n_role,
      (count(*) FILTER (WHERE ${pendingWhere(filter, 'flag')}))::int AS n_flag,
      (count(*) FILTER (WHERE ${pendingWhere(filter)}))::int AS n_all
    FROM report WHERE ${PENDING} AND ${filter.from ? Prisma.sql`created_at >= ${filter.from}` : Prisma.sql`true`}
      AND ${filter.to ? Prisma.sql`created_at <= ${filter.to}` : Prisma.sql`true`}
    GROUP BY GROUPING SETS ((platform_id), (academy_id), (category), (coalesce(role, 'inconnu')), (${FLAG_VALUE}), ())`;
  const facets: FacetCount[] = [];
  let total = 0;
  // GROUPING() sets one bit per argument left out of the grouping set, the first argument highest.
  const BY_GROUPING: Record<number, [QueueFacet, keyof typeof rows[number], keyof typeof rows[number]]> = {
    15: ['platform', 'platform_id', 'n_platform'],
    23: ['academy', 'academy_id', 'n_academy'],
    27: ['category', 'category', 'n_category'],
    29: ['role', 'role', 'n_role'],
    30: ['flag', 'flag', 'n_flag'],
  };
  for (const r of rows) {
    if (r.g === 31) total = r.n_all;
    const spec = BY_GROUPING[r.g];
    if (!spec) continue;
    const value = r[spec[1]];
    const count = r[spec[2]];
    if (typeof value === 'string' && typeof count === 'number' && count > 0) facets.push({ facet: spec[0], value, count });
  }
  return { facets, total };
}

/** Pending comments under `filter` (period aside) since each of the given instants, in one scan. */
export async function countPendingSince(db: DbLike, filter: QueueFilterSql, since: Date[]): Promise<number[]> {
  const rest = { ...filter, from: undefined };
  const counts = since.map((s) => Prisma.sql`count(*) FILTER (WHERE created_at >= ${s})`);
  const [row] = await db.$queryRaw<Array<{ counts: number[] }>>`SELECT ARRAY[${Prisma.join(counts)}]::int[] AS counts FROM report WHERE ${pendingWhere(rest)}`;
  return since.map((_, i) => row?.counts[i] ?? 0);
}

/** The most frequent group keys of pending comments under `filter`. */
export async function listPendingKeyCounts(db: DbLike, filter: QueueFilterSql, limit: number): Promise<Array<{ key: string; count: number; sample: string }>> {
  return db.$queryRaw`
    SELECT comment_key AS key, count(*)::int AS count, min(comment) AS sample
    FROM report WHERE ${pendingWhere(filter)} AND comment_key IS NOT NULL
    GROUP BY comment_key ORDER BY count(*) DESC, comment_key LIMIT ${limit}`;
}

/** Pending comments under `filter` per given key (the group size shown beside each comment). */
export async function countPendingKeys(db: DbLike, filter: QueueFilterSql, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ key: string; count: number }>>`
    SELECT comment_key AS key, count(*)::int AS count FROM report
    WHERE ${pendingWhere(filter)} AND comment_key = ANY(${keys}::text[]) GROUP BY comment_key`;
  return new Map(rows.map((r) => [r.key, r.count]));
}
