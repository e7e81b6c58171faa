import { Prisma } from '@/lib/generated/prisma/client';
import type { QueueFilter } from '@/lib/domain/moderation';
import type { DbLike } from './audit';

export type QueueFacet = 'platform' | 'academy' | 'category' | 'role' | 'flag';

const PENDING = Prisma.sql`comment_state = 'pending' AND moderation_state <> 'hidden'`;
const FLAG_VALUE = Prisma.sql`coalesce(flag_reason, 'aucun')`;

const FACET_FIELD: Record<QueueFacet, 'platformId' | 'academyId' | 'category' | 'role' | 'flag'> = {
  platform: 'platformId', academy: 'academyId', category: 'category', role: 'role', flag: 'flag',
};
const FACET_COLUMN: Record<QueueFacet, Prisma.Sql> = {
  platform: Prisma.sql`platform_id`, academy: Prisma.sql`academy_id`, category: Prisma.sql`category`, role: Prisma.sql`role`, flag: FLAG_VALUE,
};
const FACETS: QueueFacet[] = ['platform', 'academy', 'category', 'role', 'flag'];

/** The facet conditions of `filter` (no state, no period), leaving out the facet whose counts are being read. */
function facetParts(filter: QueueFilter, except?: QueueFacet): Prisma.Sql[] {
  return FACETS.flatMap((f) => {
    const value = filter[FACET_FIELD[f]];
    return value && f !== except ? [Prisma.sql`${FACET_COLUMN[f]} = ${value}`] : [];
  });
}

/** The WHERE of pending comments under `filter`, leaving out the facet whose counts are being read. */
export function pendingWhere(filter: QueueFilter, except?: QueueFacet): Prisma.Sql {
  const parts = [PENDING, ...facetParts(filter, except)];
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
  input: { filter: QueueFilter; newestFirst: boolean; after?: { createdAt: Date; id: string }; limit: number },
): Promise<PendingCommentRow[]> {
  const { after, newestFirst } = input;
  const keyset = after
    ? newestFirst
      ? Prisma.sql`AND (created_at, id) < (${after.createdAt}, ${after.id}::uuid)`
      : Prisma.sql`AND (created_at, id) > (${after.createdAt}, ${after.id}::uuid)`
    : Prisma.empty;
  const order = newestFirst ? Prisma.sql`report.created_at DESC, report.id DESC` : Prisma.sql`report.created_at ASC, report.id ASC`;
  return db.$queryRaw<PendingCommentRow[]>`
    SELECT id::text AS id, created_at AS "createdAt", platform_id AS "platformId", academy_id AS "academyId", category, role,
      comment, flag_reason AS "flagReason", counted, source_fingerprint AS "sourceFingerprint", comment_key AS "commentKey"
    FROM report WHERE ${pendingWhere(input.filter)} ${keyset}
    ORDER BY ${order} LIMIT ${input.limit}`;
}

export type FacetCount = { facet: QueueFacet; value: string; count: number };
export type PendingAggregates = { facets: FacetCount[]; total: number; keys: Array<{ key: string; count: number }>; periods: number[] };

/** A count under the facet conditions of `filter` (one left out) and `extra`; plain count(*) when there are none. */
function countWhere(filter: QueueFilter, extra: Prisma.Sql[], except?: QueueFacet): Prisma.Sql {
  const parts = [...extra, ...facetParts(filter, except)];
  return parts.length === 0 ? Prisma.sql`count(*)::int` : Prisma.sql`(count(*) FILTER (WHERE ${Prisma.join(parts, ' AND ')}))::int`;
}

// GROUPING() sets one bit per argument left out of the grouping set, the first argument highest.
const SET_OF: Record<number, QueueFacet | 'key' | 'all'> = { 31: 'platform', 47: 'academy', 55: 'category', 59: 'role', 61: 'flag', 62: 'key', 63: 'all' };
type AggregateRow = { g: number; value: string | null; n: number; periods: number[] | null };

/**
 * In one scan of the pending-comment index: pending comments per value of each facet (each counted under
 * the other facets' filters), the `keyLimit` most frequent group keys, the total, and the count since
 * each of `since` (period filter aside).
 */
export async function readPendingAggregates(db: DbLike, input: { filter: QueueFilter; since: Date[]; keyLimit: number }): Promise<PendingAggregates> {
  const { filter } = input;
  const inPeriod = filter.from ? [Prisma.sql`created_at >= ${filter.from}`] : [];
  // A facet the filter leaves open is counted under the same conditions as the total: one aggregate less per row and set.
  const nOf = (f: QueueFacet) => (filter[FACET_FIELD[f]] ? countWhere(filter, inPeriod, f) : Prisma.sql`NULL::int`);
  const periods = input.since.map((s) => countWhere(filter, [Prisma.sql`created_at >= ${s}`]));
  const rows = await db.$queryRaw<AggregateRow[]>`
    WITH g AS (
      SELECT GROUPING(platform_id, academy_id, category, coalesce(role, 'inconnu'), ${FLAG_VALUE}, comment_key)::int AS g,
        platform_id, academy_id, category, coalesce(role, 'inconnu') AS role, ${FLAG_VALUE} AS flag, comment_key,
        ${nOf('platform')} AS n_platform, ${nOf('academy')} AS n_academy, ${nOf('category')} AS n_category,
        ${nOf('role')} AS n_role, ${nOf('flag')} AS n_flag, ${countWhere(filter, inPeriod)} AS n_all,
        ARRAY[${Prisma.join(periods)}]::int[] AS periods
      FROM report WHERE ${PENDING} ${filter.to ? Prisma.sql`AND created_at <= ${filter.to}` : Prisma.empty}
      GROUP BY GROUPING SETS ((platform_id), (academy_id), (category), (coalesce(role, 'inconnu')), (${FLAG_VALUE}), (comment_key), ())
    ), facet AS (
      SELECT g, CASE g WHEN 31 THEN platform_id WHEN 47 THEN academy_id WHEN 55 THEN category WHEN 59 THEN role
        WHEN 61 THEN flag ELSE comment_key END AS value,
        coalesce(CASE g WHEN 31 THEN n_platform WHEN 47 THEN n_academy WHEN 55 THEN n_category WHEN 59 THEN n_role
        WHEN 61 THEN n_flag END, n_all) AS n, CASE WHEN g = 63 THEN periods END AS periods
      FROM g
    )
    SELECT * FROM facet WHERE g <> 62 AND (n > 0 OR g = 63)
    UNION ALL (SELECT * FROM facet WHERE g = 62 AND value IS NOT NULL AND n > 0 ORDER BY n DESC, value LIMIT ${input.keyLimit})`;
  const result: PendingAggregates = { facets: [], total: 0, keys: [], periods: input.since.map(() => 0) };
  for (const r of rows) {
    const set = SET_OF[r.g];
    if (set === 'all') {
      result.total = r.n;
      result.periods = input.since.map((_, i) => r.periods?.[i] ?? 0);
    } else if (set === 'key') {
      if (r.value !== null) result.keys.push({ key: r.value, count: r.n });
    } else if (set && r.value !== null) result.facets.push({ facet: set, value: r.value, count: r.n });
  }
  return result;
}

/** One pending comment per given group key, shown as the group's sample. */
export async function listKeySamples(db: DbLike, filter: QueueFilter, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ key: string; sample: string | null }>>`
    SELECT k.key, (SELECT comment FROM report WHERE ${pendingWhere(filter)} AND comment_key = k.key LIMIT 1) AS sample
    FROM unnest(${keys}::text[]) AS k(key)`;
  return new Map(rows.flatMap((r) => (r.sample === null ? [] : [[r.key, r.sample] as const])));
}

/** Pending comments under `filter` per given key (the group size shown beside each comment). */
export async function countPendingKeys(db: DbLike, filter: QueueFilter, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ key: string; count: number }>>`
    SELECT comment_key AS key, count(*)::int AS count FROM report
    WHERE ${pendingWhere(filter)} AND comment_key = ANY(${keys}::text[]) GROUP BY comment_key`;
  return new Map(rows.map((r) => [r.key, r.count]));
}
