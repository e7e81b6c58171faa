import type { Prisma } from '@/lib/generated/prisma/client';
import { Prisma as P } from '@/lib/generated/prisma/client';
import type { DbLike, Tx } from './audit';
import type { QueueFilter } from '@/lib/domain/moderation';
import { pendingWhere } from './moderation-queue';

/** Which pending comments an action reaches: listed ids, the group keys under a filter, or a source. */
export type CommentTarget =
  | { ids: string[] }
  | { keys: string[]; filter: QueueFilter; asOf: Date }
  | { fingerprint: string; asOf: Date };

function targetWhere(target: CommentTarget): Prisma.Sql {
  if ('ids' in target) return P.sql`${pendingWhere({})} AND id = ANY(${target.ids}::uuid[])`;
  if ('keys' in target) {
    return P.sql`${pendingWhere(target.filter)} AND comment_key = ANY(${target.keys}::text[]) AND created_at <= ${target.asOf}`;
  }
  return P.sql`${pendingWhere({})} AND source_fingerprint = ${target.fingerprint} AND created_at <= ${target.asOf}`;
}

/**
 * Moves the pending comments of `target` to `to`; returns the ids changed. A comment another moderator
 * handled meanwhile is no longer pending once their transaction commits, so it is skipped, never done twice.
 */
export async function settlePendingComments(tx: Tx, input: { target: CommentTarget; to: 'approved' | 'hidden' }): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE report SET comment_state = ${input.to}, updated_at = now()
    WHERE ${targetWhere(input.target)} RETURNING id::text AS id`;
  return rows.map((r) => r.id);
}

/** Puts comments still in state `from` back to `to` (undo); returns the ids changed. */
export async function revertCommentStates(tx: Tx, input: { ids: string[]; from: string; to: string }): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE report SET comment_state = ${input.to}, updated_at = now()
    WHERE id = ANY(${input.ids}::uuid[]) AND comment_state = ${input.from} RETURNING id::text AS id`;
  return rows.map((r) => r.id);
}

export type ModerationActionRow = {
  id: string;
  actorId: string | null;
  actorLabel: string;
  scope: string;
  fromState: string;
  toState: string;
  reportIds: string[];
  summary: string;
  undoneAt: Date | null;
  createdAt: Date;
};

export async function recordModerationAction(tx: Tx, row: Omit<ModerationActionRow, 'undoneAt'>): Promise<void> {
  await tx.moderationAction.create({ data: row });
}

/** The actor's latest action (undone or not), locked when read in a transaction. */
export async function lastModerationAction(db: DbLike, actorId: string | null): Promise<ModerationActionRow | null> {
  return db.moderationAction.findFirst({ where: { actorId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}

export async function lockModerationAction(tx: Tx, id: string): Promise<ModerationActionRow | null> {
  await tx.$executeRaw`SELECT id FROM moderation_action WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.moderationAction.findUnique({ where: { id } });
}

export async function markActionUndone(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.moderationAction.update({ where: { id }, data: { undoneAt: at } });
}

/** Who last handled each of these comments (actions not undone), for the message a second moderator gets. */
export async function findCommentHandlers(db: DbLike, ids: string[]): Promise<Array<{ reportId: string; actorLabel: string; toState: string; at: Date }>> {
  if (ids.length === 0) return [];
  return db.$queryRaw`
    SELECT DISTINCT ON (rid) rid::text AS "reportId", a.actor_label AS "actorLabel", a.to_state AS "toState", a.created_at AS at
    FROM moderation_action a CROSS JOIN LATERAL unnest(a.report_ids) AS rid
    WHERE a.report_ids && ${ids}::uuid[] AND a.undone_at IS NULL AND rid = ANY(${ids}::uuid[])
    ORDER BY rid, a.created_at DESC`;
}

/** The current comment state of one report (null when it does not exist). */
export async function readCommentState(db: DbLike, id: string): Promise<{ commentState: string; sourceFingerprint: string | null } | null> {
  return db.report.findFirst({ where: { id }, select: { commentState: true, sourceFingerprint: true } });
}
