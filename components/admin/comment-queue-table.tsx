import { formatCount } from '@/lib/domain/format';
import type { QueueComment } from '@/lib/moderation/comment-queue';
import { ActionForm, type FormAction } from './action-form';
import { SelectionActions } from './selection-actions';

/** A queue row as the queue reader builds it (names and Paris times, not codes). */
export type QueueCommentView = QueueComment;

const SELECTION_FORM = 'queue-selection';

function One({ id, op, action }: { id: string; op: 'approve' | 'hide'; action: FormAction }) {
  return (
    <ActionForm action={action} submitLabel={op === 'approve' ? 'Publier' : 'Masquer'} inline danger={op === 'hide'} shortcut={op === 'approve' ? 'publish' : 'hide'}>
      <input type="hidden" name="scope" value="one" />
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="reportId" value={id} />
    </ActionForm>
  );
}

/** Pending comments with per-row actions, ticks for a selection and « tout de cette source ». */
export function CommentQueueTable({ items, asOf, action }: { items: QueueCommentView[]; asOf: string; action: FormAction }) {
  if (items.length === 0) return <p className="admin-muted">Aucun commentaire en attente pour ces filtres.</p>;
  return (
    <>
      <SelectionActions id={SELECTION_FORM} action={action} />
      <table className="admin-table" aria-label="Commentaires en attente" aria-describedby="queue-shortcuts">
        <thead>
          <tr>
            <th>Choisir</th>
            <th>Reçu (heure de Paris)</th>
            <th>Commentaire</th>
            <th>Service, académie, catégorie</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-queue-row data-report-id={item.id} tabIndex={-1}>
              <td>
                <input type="checkbox" name="reportIds" value={item.id} form={SELECTION_FORM} aria-label={`Choisir le commentaire reçu le ${item.at}`} />
              </td>
              <td>{item.at}</td>
              <td>
                {item.comment}
                {item.groupSize > 1 ? <span className="admin-tag"> groupe de {formatCount(item.groupSize)}</span> : null}
              </td>
              <td>
                {item.platform} · {item.academy}
                <br />
                <span className="admin-muted">
                  {item.category} · {item.role}
                  {item.flag ? ` · ${item.flag}` : ''}
                </span>
              </td>
              <td>
                <One id={item.id} op="approve" action={action} />
                <One id={item.id} op="hide" action={action} />
                {item.source ? (
                  <ActionForm action={action} submitLabel={`Masquer tout de ${item.source}`} inline danger>
                    <input type="hidden" name="scope" value="source" />
                    <input type="hidden" name="op" value="hide" />
                    <input type="hidden" name="reportId" value={item.id} />
                    <input type="hidden" name="asOf" value={asOf} />
                  </ActionForm>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
