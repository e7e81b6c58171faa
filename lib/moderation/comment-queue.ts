import 'server-only';
import { getDb } from '@/lib/db/client';
import { readNames } from '@/lib/db/dashboard';
import {
  assignCommentKeys,
  countPendingKeys,
  listKeySamples,
  listPendingComments,
  readPendingAggregates,
  type QueueFacet,
} from '@/lib/db/moderation-queue';
import { formatDateTime } from '@/lib/domain/format';
import FR_LABELS from '@/messages/fr/labels.json';
import { shortLabel } from '@/lib/ingest/fingerprint';
import { commentKey, groupCommentKeys, type CommentGroup } from '@/lib/domain/comment-key';
import { FLAG_LABELS } from './queue';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import { filterOf, QUEUE_PERIODS, type QueuePeriod, type QueueQuery } from './queue-schema';

export const COMMENT_PAGE = 50;
/** Distinct keys read to form groups; a surge is a few sentences, so the big groups are all in here. */
const GROUP_KEYS_READ = 300;
const GROUPS_SHOWN = 20;
/** Comments keyed per page read: a surge brings a few per second; a backlog is worked off over a few reads. */
const KEYING_BATCH = 500;

/**
 * Counts per filter and group sizes are recomputed once per this period per filter; meanwhile the last
 * period's are served (stale while revalidating). Any action in this process clears them.
 */
export const AGGREGATES_TTL_MS = 5_000;
type Aggregates = Awaited<ReturnType<typeof readPendingAggregates>> & { groups: CommentGroup[]; samples: Map<string, string> };
type CacheEntry = { period: number; value: Promise<Aggregates>; settled: Aggregates | null };
const aggregateCache = new Map<string, CacheEntry>();

/** Called after every comment action in this process, so its moderator sees exact counts at once. */
export function forgetQueueAggregates(): void {
  aggregateCache.clear();
}

function shownGroups(groups: CommentGroup[]): CommentGroup[] {
  return groups.filter((g) => g.count >= 2).slice(0, GROUPS_SHOWN);
}

async function computeAggregates(filter: ReturnType<typeof filterOf>, since: Date[]): Promise<Aggregates> {
  const db = getDb();
  const counts = await readPendingAggregates(db, { filter, since, keyLimit: GROUP_KEYS_READ });
  const groups = groupCommentKeys(counts.keys);
  const samples = await listKeySamples(db, filter, shownGroups(groups).map((g) => g.lead));
  return { ...counts, groups, samples };
}

function readAggregates(input: { query: QueueQuery; filter: ReturnType<typeof filterOf>; since: Date[]; now: Date }): Promise<Aggregates> {
  const { ordre: _order, apres: _cursor, ...scope } = input.query;
  const key = JSON.stringify(scope);
  const period = Math.floor(input.now.getTime() / AGGREGATES_TTL_MS);
  const hit = aggregateCache.get(key);
  if (hit?.period === period) return hit.value;
  const entry: CacheEntry = { period, value: computeAggregates(input.filter, input.since), settled: null };
  entry.value.then((v) => (entry.settled = v), () => aggregateCache.get(key) === entry && aggregateCache.delete(key));
  if (aggregateCache.size > 200) aggregateCache.clear();
  aggregateCache.set(key, entry);
  return hit?.settled && hit.period === period - 1 ? Promise.resolve(hit.settled) : entry.value;
}

export type QueueComment = {
  id: string;
  at: string;
  platform: string;
  academy: string;
  category: string;
  role: string;
  comment: string;
  flag: string | null;
  source: string | null;
  groupSize: number;
};
export type QueueGroup = { keys: string[]; count: number; sample: string };
export type FacetOption = { value: string; label: string; count: number };
export type CommentQueue = {
  asOf: Date;
  total: number;
  items: QueueComment[];
  nextCursor: string | null;
  groups: QueueGroup[];
  facets: Record<QueueFacet, FacetOption[]>;
  periods: Array<{ value: QueuePeriod; count: number }>;
};

// Moderators read French: the labels the French pages show.
const CATEGORY_LABELS: Record<string, string> = FR_LABELS.categories;
const ROLE_LABELS: Record<string, string> = FR_LABELS.roles;

const PERIOD_MS: Record<QueuePeriod, number> = { heure: 3_600_000, jour: 86_400_000, semaine: 7 * 86_400_000, tout: Number.POSITIVE_INFINITY };

function labelOf(facet: QueueFacet, value: string, names: Awaited<ReturnType<typeof readNames>>): string {
  if (facet === 'platform') return names.platforms[value] ?? value;
  if (facet === 'academy') return names.academies[value]?.name ?? value;
  if (facet === 'category') return CATEGORY_LABELS[value] ?? value;
  if (facet === 'role') return value === 'inconnu' ? 'Non précisé' : (ROLE_LABELS[value] ?? value);
  return value === 'aucun' ? 'Aucun (non écarté)' : (FLAG_LABELS[value as keyof typeof FLAG_LABELS] ?? value);
}

/**
 * The pending comments as a moderator works them: a page (newest first by default, keyset-paged),
 * the largest groups of near-identical comments, and counts per filter value. Names and Paris times.
 */
export async function getCommentQueue(input: { query: QueueQuery; now?: Date }): Promise<CommentQueue> {
  const now = input.now ?? new Date();
  const db = getDb();
  await assignCommentKeys(db, commentKey, KEYING_BATCH);
  const filter = filterOf(input.query, now);
  const after = decodeQueueCursor(input.query.apres) ?? undefined;
  const since = QUEUE_PERIODS.map((p) => (p === 'tout' ? new Date(0) : new Date(now.getTime() - PERIOD_MS[p])));
  const [rows, aggregates, names] = await Promise.all([
    listPendingComments(db, { filter, newestFirst: input.query.ordre === 'recent', after, limit: COMMENT_PAGE + 1 }),
    readAggregates({ query: input.query, filter, since, now }),
    readNames(db),
  ]);
  const page = rows.slice(0, COMMENT_PAGE);
  const { groups } = aggregates;
  const groupOfKey = new Map(groups.flatMap((g) => g.keys.map((k) => [k, g] as const)));
  const missing = [...new Set(page.map((r) => r.commentKey).filter((k): k is string => k !== null && !groupOfKey.has(k)))];
  const sizes = await countPendingKeys(db, filter, missing);
  const facets: CommentQueue['facets'] = { platform: [], academy: [], category: [], role: [], flag: [] };
  for (const f of aggregates.facets) facets[f.facet].push({ value: f.value, label: labelOf(f.facet, f.value, names), count: f.count });
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
  const last = page.at(-1);
  return {
    asOf: now,
    total: aggregates.total,
    items: page.map((r) => ({
      id: r.id,
      at: formatDateTime(r.createdAt),
      platform: labelOf('platform', r.platformId, names),
      academy: labelOf('academy', r.academyId, names),
      category: labelOf('category', r.category, names),
      role: labelOf('role', r.role ?? 'inconnu', names),
      comment: r.comment ?? '',
      flag: r.flagReason ? labelOf('flag', r.flagReason, names) : null,
      source: r.sourceFingerprint ? shortLabel(r.sourceFingerprint) : null,
      groupSize: r.commentKey ? (groupOfKey.get(r.commentKey)?.count ?? sizes.get(r.commentKey) ?? 1) : 1,
    })),
    nextCursor: rows.length > COMMENT_PAGE && last ? encodeQueueCursor(last) : null,
    groups: shownGroups(groups).map((g) => ({
      keys: g.keys,
      count: g.count,
      sample: aggregates.samples.get(g.lead) ?? g.lead,
    })),
    facets,
    periods: QUEUE_PERIODS.map((value, i) => ({ value, count: aggregates.periods[i] ?? 0 })),
  };
}
