import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { CommentGroups } from '@/components/admin/comment-groups';
import { CommentQueueTable } from '@/components/admin/comment-queue-table';
import { QueueFilters } from '@/components/admin/queue-filters';
import { QueueKeys } from '@/components/admin/queue-keys';
import { deniedMessage, guardPage, type PageQuery } from '@/lib/auth/page-guard';
import { actorOf } from '@/lib/auth/session';
import { formatCount, formatTime } from '@/lib/domain/format';
import { getUndoableAction } from '@/lib/moderation/comment-actions';
import { getCommentQueue } from '@/lib/moderation/comment-queue';
import { getModerationQueue } from '@/lib/moderation/moderate';
import { queueQuerySchema } from '@/lib/moderation/queue-schema';
import { moderateCommentsAction, undoModerationAction } from './actions';
import { ReportSections } from './report-sections';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Modération' };

const FILTER_NAMES = ['service', 'academie', 'categorie', 'role', 'motif', 'periode'] as const;

export default async function ModerationPage(props: PageQuery) {
  const session = await guardPage('moderation.manage', '/admin/moderation');
  if (!session) return <AccessDenied message={await deniedMessage('moderation.manage')} />;
  const raw = Object.fromEntries(Object.entries(await props.searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = queueQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : queueQuerySchema.parse({});
  const [queue, reports, undoable] = await Promise.all([getCommentQueue({ query }), getModerationQueue({ comments: false }), getUndoableAction(actorOf(session))]);
  const filters = Object.fromEntries(FILTER_NAMES.flatMap((name) => (query[name] ? [[name, String(query[name])]] : [])));
  const nextHref = queue.nextCursor ? `?${new URLSearchParams({ ...filters, ordre: query.ordre, apres: queue.nextCursor })}` : null;
  const asOf = queue.asOf.toISOString();
  return (
    <>
      <h1>Modération</h1>
      {parsed.success ? null : <p role="alert" className="admin-result-error">Filtre invalide ignoré : {parsed.error.issues[0]?.message}</p>}
      <p>
        <strong>{formatCount(queue.total)}</strong> commentaire(s) en attente pour ces filtres. Les sources n’apparaissent que sous une étiquette courte
        (S-XXXXXX), effacée après 48 h.
      </p>
      {undoable ? (
        <div className="admin-card" role="region" aria-label="Dernière action">
          Votre dernière action ({formatTime(undoable.at)}) : {undoable.summary}.
          <ActionForm action={undoModerationAction} submitLabel="Annuler cette action" inline shortcut="undo">
            <input type="hidden" name="actionId" value={undoable.id} />
          </ActionForm>
        </div>
      ) : null}
      <QueueFilters query={{ ...filters, ordre: query.ordre }} facets={queue.facets} periods={queue.periods} />
      <section className="admin-card">
        <h2>Groupes de commentaires identiques</h2>
        <CommentGroups groups={queue.groups} asOf={asOf} filters={filters} action={moderateCommentsAction} />
      </section>
      <section className="admin-card">
        <h2>Commentaires en attente ({query.ordre === 'recent' ? 'plus récents d’abord' : 'plus anciens d’abord'})</h2>
        <QueueKeys>
          <CommentQueueTable items={queue.items} asOf={asOf} action={moderateCommentsAction} />
        </QueueKeys>
        <p>
          {query.apres ? <Link href={`?${new URLSearchParams({ ...filters, ordre: query.ordre })}`}>Revenir au début</Link> : null}{' '}
          {nextHref ? <Link href={nextHref}>Commentaires suivants</Link> : null}
        </p>
      </section>
      <ReportSections queue={reports} />
    </>
  );
}
