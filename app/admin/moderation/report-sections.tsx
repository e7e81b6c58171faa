import { ActionForm } from '@/components/admin/action-form';
import { ReportRow, type ReportRowItem } from '@/components/admin/report-row';
import type { ModerationQueue } from '@/lib/moderation/moderate';
import { FLAG_LABELS, isFlagReason } from '@/lib/moderation/queue';
import { hideSourceAction, moderateReportAction } from './actions';

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

type Op = { op: 'approve' | 'hide' | 'restore'; label: string };

/** Reports (not comments) to review: flagged sources, automatically set-aside reports, recently hidden ones. */
export function ReportSections({ queue }: { queue: ModerationQueue }) {
  const row = (item: ReportRowItem, target: 'report' | 'comment', ops: Op[], withSource = false) => (
    <ReportRow key={`${target}-${item.id}`} item={item} target={target} ops={ops} action={moderateReportAction} sourceAction={withSource ? hideSourceAction : undefined} />
  );
  return (
    <>
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
