import 'server-only';
import type { AuditActor } from '@/lib/domain/audit';
import { appendAudit, type Tx } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import {
  findCommentHandlers,
  lastModerationAction,
  lockModerationAction,
  markActionUndone,
  readCommentState,
  recordModerationAction,
  revertCommentStates,
  settlePendingComments,
  type CommentTarget,
} from '@/lib/db/moderation-actions';
import { formatCount, formatTime } from '@/lib/domain/format';
import { AppError } from '@/lib/http/errors';
import { uuidv7 } from '@/lib/domain/uuid';
import { forgetQueueAggregates } from './comment-queue';
import { filterOf, queueQuerySchema, type CommentActionInput, type UndoInput } from './queue-schema';

/** How long the last action can still be undone. */
export const UNDO_WINDOW_MS = 30 * 60_000;

export type CommentActionResult = { actionId: string; changed: number; skipped: number; message: string };

const DONE = { approved: 'publié', hidden: 'masqué' } as const;

async function targetOf(input: CommentActionInput, now: Date): Promise<{ target: CommentTarget; requested: number | null }> {
  if (input.scope === 'one') return { target: { ids: [input.reportId] }, requested: 1 };
  if (input.scope === 'selection') return { target: { ids: input.reportIds }, requested: input.reportIds.length };
  if (input.scope === 'group') {
    const filter = filterOf(queueQuerySchema.parse({ ...input, ordre: undefined, apres: undefined }), input.asOf);
    return { target: { keys: input.keys, filter, asOf: input.asOf }, requested: input.expected };
  }
  const report = await readCommentState(getDb(), input.reportId);
  if (!report) throw new AppError('not_found', 'Commentaire introuvable.');
  if (!report.sourceFingerprint) throw new AppError('conflict', 'La source de ce commentaire a été effacée (plus de 48 h).');
  return { target: { fingerprint: report.sourceFingerprint, asOf: input.asOf > now ? now : input.asOf }, requested: null };
}

async function alreadyHandled(reportId: string): Promise<string> {
  const [handler] = await findCommentHandlers(getDb(), [reportId]);
  if (!handler) return 'Ce commentaire n’est plus en attente : il a déjà été traité.';
  const done = handler.toState === 'hidden' ? 'masqué' : 'publié';
  return `Ce commentaire a déjà été ${done} par ${handler.actorLabel} à ${formatTime(handler.at)} : rien n’a été refait.`;
}

function summaryOf(input: CommentActionInput, changed: number): string {
  const verb = input.op === 'approve' ? DONE.approved : DONE.hidden;
  const what = changed === 1 ? `1 commentaire ${verb}` : `${formatCount(changed)} commentaires ${verb}s`;
  const scope = { one: '', selection: ' (sélection)', group: ' (groupe)', source: ' (toute la source)' }[input.scope];
  return `${what}${scope}`;
}

/** The one place a comment action is written: its row (for undo) and its audit entry, in the caller's transaction. */
async function recordCommentAction(tx: Tx, input: { actor: AuditActor; action: CommentActionInput; ids: string[]; id: string; summary: string; now: Date }) {
  const to = input.action.op === 'approve' ? 'approved' : 'hidden';
  await recordModerationAction(tx, {
    id: input.id, actorId: input.actor.userId, actorLabel: input.actor.label, scope: input.action.scope,
    fromState: 'pending', toState: to, reportIds: input.ids, summary: input.summary, createdAt: input.now,
  });
  const single = input.action.scope === 'one';
  await appendAudit(tx, {
    actor: input.actor,
    action: single ? (to === 'approved' ? 'comment.approved' : 'comment.hidden') : to === 'approved' ? 'comments.approved' : 'comments.hidden',
    targetType: single ? 'report' : 'moderation_action',
    targetId: single ? (input.ids[0] ?? input.id) : input.id,
    after: { commentState: to, scope: input.action.scope, count: input.ids.length, reportIds: input.ids, actionId: input.id },
    reason: input.action.reason ?? null,
  }, input.now);
}

/**
 * Publishes or hides pending comments: one, a selection, a group of near-identical ones or all of a
 * source. One transaction, one audit entry listing every report. Comments another moderator handled
 * first are skipped and counted in the answer; nothing at all left to do is a conflict.
 */
export async function moderateComments(actor: AuditActor, input: CommentActionInput, now = new Date()): Promise<CommentActionResult> {
  const { target, requested } = await targetOf(input, now);
  const to = input.op === 'approve' ? 'approved' : 'hidden';
  const id = uuidv7(now.getTime());
  const result = await getDb().$transaction(async (tx) => {
    const ids = await settlePendingComments(tx, { target, to });
    if (ids.length === 0) return null;
    const summary = summaryOf(input, ids.length);
    await recordCommentAction(tx, { actor, action: input, ids, id, summary, now });
    return { ids, summary };
  }, { timeout: 60_000 });
  forgetQueueAggregates();
  if (!result) {
    if (input.scope === 'one') throw new AppError('conflict', await alreadyHandled(input.reportId));
    throw new AppError('conflict', 'Aucun de ces commentaires n’est encore en attente : un autre modérateur les a déjà traités.');
  }
  const skipped = requested === null ? 0 : Math.max(0, requested - result.ids.length);
  const tail = skipped > 0 ? ` ${formatCount(skipped)} avaient déjà été traités par un autre modérateur.` : '';
  return { actionId: id, changed: result.ids.length, skipped, message: `${result.summary}.${tail}` };
}

/** The last action of `actor`, if it can still be undone (not undone, within UNDO_WINDOW_MS). */
export async function getUndoableAction(actor: AuditActor, now = new Date()) {
  const last = await lastModerationAction(getDb(), actor.userId);
  if (!last || last.undoneAt || now.getTime() - last.createdAt.getTime() > UNDO_WINDOW_MS) return null;
  return { id: last.id, summary: last.summary, at: last.createdAt };
}

/** Undoes the actor's last action: its comments still in the state it set go back to pending. */
export async function undoModeration(actor: AuditActor, input: UndoInput, now = new Date()): Promise<{ reverted: number; message: string }> {
  return getDb().$transaction(async (tx) => {
    const action = await lockModerationAction(tx, input.actionId);
    const last = await lastModerationAction(tx, actor.userId);
    if (!action || action.actorId !== actor.userId || last?.id !== action.id) throw new AppError('conflict', 'Seule votre dernière action peut être annulée.');
    if (action.undoneAt) throw new AppError('conflict', 'Cette action a déjà été annulée.');
    if (now.getTime() - action.createdAt.getTime() > UNDO_WINDOW_MS) throw new AppError('conflict', 'Cette action date de plus de 30 minutes : elle ne peut plus être annulée.');
    const reverted = await revertCommentStates(tx, { ids: action.reportIds, from: action.toState, to: action.fromState });
    await markActionUndone(tx, action.id, now);
    await appendAudit(tx, {
      actor, action: 'moderation.undone', targetType: 'moderation_action', targetId: action.id,
      before: { commentState: action.toState }, after: { commentState: action.fromState, count: reverted.length, reportIds: reverted },
    }, now);
    const kept = action.reportIds.length - reverted.length;
    const tail = kept > 0 ? ` ${formatCount(kept)} avaient changé depuis et restent tels quels.` : '';
    return { reverted: reverted.length, message: `Annulé : ${formatCount(reverted.length)} commentaire(s) remis en attente.${tail}` };
  }, { timeout: 60_000 }).finally(forgetQueueAggregates);
}
