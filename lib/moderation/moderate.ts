import 'server-only';
import type { AuditAction, AuditActor } from '@/lib/domain/audit';
import { appendAudit, type Tx } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import {
  applyCounterDeltas,
  approveReportRow,
  findReportSource,
  hideReportRows,
  listFlaggedSources,
  listModerationQueue,
  restoreReportRows,
  setCommentStateRow,
} from '@/lib/db/moderation';
import { shortLabel } from '@/lib/ingest/fingerprint';
import { publishLive } from '@/lib/live/runtime';
import { AppError } from '@/lib/http/errors';
import { forgetQueueAggregates } from './comment-queue';
import { counterDeltas } from './counters';
import { toQueueItem, type QueueItem, type SourceGroup } from './queue';
import type { ReportModerationInput, SourceHideInput } from './schema';

export const QUEUE_PAGE = 50;
/** Report ids kept in one audit row of a bulk hide (the count is always exact). */
const AUDITED_IDS_MAX = 500;

export type ModerationQueue = { comments: QueueItem[]; flagged: QueueItem[]; hidden: QueueItem[]; sources: SourceGroup[] };

/** `comments: false` when the caller reads pending comments through the comment queue (the admin page). */
export async function getModerationQueue(opts: { comments: boolean } = { comments: true }): Promise<ModerationQueue> {
  const db = getDb();
  const [queue, groups] = await Promise.all([listModerationQueue(db, QUEUE_PAGE, opts), listFlaggedSources(db, QUEUE_PAGE)]);
  const sources = groups.map((g) => ({ source: shortLabel(g.fingerprint), sampleReportId: g.sampleReportId, reports: g.reports, reasons: g.reasons, lastAt: g.lastAt }));
  return {
    comments: queue.comments.map(toQueueItem),
    flagged: queue.flagged.map(toQueueItem),
    hidden: queue.hidden.map(toQueueItem),
    sources,
  };
}

const COMMENT_TRANSITIONS = {
  approve: { from: ['pending'], to: 'approved', action: 'comment.approved' },
  hide: { from: ['pending', 'approved'], to: 'hidden', action: 'comment.hidden' },
  restore: { from: ['hidden'], to: 'approved', action: 'comment.restored' },
} as const satisfies Record<string, { from: string[]; to: string; action: AuditAction }>;

async function moderateWholeReport(tx: Tx, input: ReportModerationInput): Promise<{ action: AuditAction; after: unknown }> {
  if (input.op === 'approve') {
    if (!(await approveReportRow(tx, input.reportId))) throw new AppError('conflict', 'Ce signalement a déjà été traité.');
    return { action: 'report.approved', after: { moderationState: 'approved' } };
  }
  const changed = input.op === 'hide' ? await hideReportRows(tx, { ids: [input.reportId] }) : await restoreReportRows(tx, [input.reportId]);
  if (changed.ids.length === 0) throw new AppError('conflict', input.op === 'hide' ? 'Ce signalement est déjà masqué.' : 'Ce signalement n’est pas masqué.');
  await applyCounterDeltas(tx, counterDeltas(changed.rows, input.op === 'hide' ? -1 : 1));
  const counted = changed.rows.some((r) => r.counted);
  return input.op === 'hide'
    ? { action: 'report.hidden', after: { moderationState: 'hidden', uncounted: counted } }
    : { action: 'report.restored', after: { moderationState: 'approved', countedAgain: counted } };
}

/** Approve, hide or restore one report or its comment; counters and audit row in the same transaction. */
export async function moderateReport(actor: AuditActor, input: ReportModerationInput, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    let change: { action: AuditAction; after: unknown };
    if (input.target === 'comment') {
      const rule = COMMENT_TRANSITIONS[input.op];
      if (!(await setCommentStateRow(tx, { id: input.reportId, from: [...rule.from], to: rule.to }))) {
        throw new AppError('conflict', 'Ce commentaire n’est pas dans l’état attendu (déjà traité ?).');
      }
      change = { action: rule.action, after: { commentState: rule.to } };
    } else {
      change = await moderateWholeReport(tx, input);
    }
    await appendAudit(tx, { actor, action: change.action, targetType: 'report', targetId: input.reportId, after: change.after, reason: input.reason ?? null }, now);
  });
  forgetQueueAggregates();
  // Hiding or restoring changes past counts, which deltas cannot express: viewers refetch the map.
  if (input.target !== 'comment' && input.op !== 'approve') publishLive([{ kind: 'resync' }]);
}

/** Hides every not-yet-hidden report of the source of `reportId`, in one transaction with its counters. */
export async function hideSource(actor: AuditActor, input: SourceHideInput, now = new Date()): Promise<{ source: string; hidden: number }> {
  const report = await findReportSource(getDb(), input.reportId);
  if (!report) throw new AppError('not_found', 'Signalement introuvable.');
  if (!report.sourceFingerprint) throw new AppError('conflict', 'La source de ce signalement a été effacée (plus de 48 h).');
  const source = shortLabel(report.sourceFingerprint);
  const fingerprint = report.sourceFingerprint;
  const result = await getDb().$transaction(async (tx) => {
    const changed = await hideReportRows(tx, { fingerprint });
    await applyCounterDeltas(tx, counterDeltas(changed.rows, -1));
    await appendAudit(
      tx,
      {
        actor,
        action: 'source.hidden',
        targetType: 'source',
        targetId: source,
        after: { hidden: changed.ids.length, uncounted: changed.rows.filter((r) => r.counted).length, reportIds: changed.ids.slice(0, AUDITED_IDS_MAX) },
        reason: input.reason,
      },
      now,
    );
    return { source, hidden: changed.ids.length };
  }, { timeout: 30_000 });
  forgetQueueAggregates();
  if (result.hidden > 0) publishLive([{ kind: 'resync' }]);
  return result;
}
