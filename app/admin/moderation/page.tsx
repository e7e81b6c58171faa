import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { ReportRow, type ReportRowItem } from '@/components/admin/report-row';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { getModerationQueue } from '@/lib/moderation/moderate';
import { FLAG_LABELS, isFlagReason } from '@/lib/moderation/queue';
import { hideSourceAction, moderateReportAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Modération' };

function Table(props: { title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <section className="admin-card">
      <h2>{props.title}</h2>
      {props.children.length === 0 ? (
        <p className="admin-muted">{props.empty}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>Signalement</th>
              <th>Commentaire</th>
              <th>Motif / source</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      )}
    </section>
  );
}

export default async function ModerationPage() {
  if (!(await guardPage('moderation.manage', '/admin/moderation'))) return <AccessDenied message={await deniedMessage('moderation.manage')} />;
  const queue = await getModerationQueue();
  const row = (item: ReportRowItem, target: 'report' | 'comment', ops: Array<{ op: 'approve' | 'hide' | 'restore'; label: string }>, withSource = false) => (
    <ReportRow key={`${target}-${item.id}`} item={item} target={target} ops={ops} action={moderateReportAction} sourceAction={withSource ? hideSourceAction : undefined} />
  );
  return (
    <>
      <h1>Modération</h1>
      <p className="admin-muted">Les sources n’apparaissent que sous une étiquette courte et opaque (S-XXXXXX), effacée après 48 h.</p>
      <Table title="Commentaires en attente" empty="Aucun commentaire en attente.">
        {queue.comments.map((item) => row(item, 'comment', [{ op: 'approve', label: 'Publier' }, { op: 'hide', label: 'Masquer' }]))}
      </Table>
      <section className="admin-card">
        <h2>Sources signalées</h2>
        {queue.sources.length === 0 ? <p className="admin-muted">Aucune source signalée.</p> : null}
        <ul>
          {queue.sources.map((group) => (
            <li key={group.sampleReportId}>
              <strong>{group.source}</strong> : {group.reports} signalement(s) non comptés (
              {group.reasons.map((r) => (isFlagReason(r) ? FLAG_LABELS[r] : r)).join(', ')})
              <ActionForm action={hideSourceAction} submitLabel={`Masquer toute la source ${group.source}`} inline danger>
                <input type="hidden" name="reportId" value={group.sampleReportId} />
                <input type="text" name="reason" placeholder="raison" aria-label="Raison" required minLength={3} maxLength={500} />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>
      <Table title="Signalements écartés automatiquement (à vérifier)" empty="Aucun signalement à vérifier.">
        {queue.flagged.map((item) => row(item, 'report', [{ op: 'approve', label: 'Vérifié' }, { op: 'hide', label: 'Masquer' }], true))}
      </Table>
      <Table title="Masqués récemment" empty="Rien n’a été masqué récemment.">
        {queue.hidden.map((item) =>
          item.moderationState === 'hidden'
            ? row(item, 'report', [{ op: 'restore', label: 'Rétablir' }])
            : row(item, 'comment', [{ op: 'restore', label: 'Rétablir le commentaire' }]),
        )}
      </Table>
    </>
  );
}
