import type { ModerationReportRow } from '@/lib/domain/moderation';
import { ActionForm, type FormAction } from './action-form';

/** A queue row as the moderator sees it: the source only as a short label (lib/moderation/queue.ts QueueItem). */
export type ReportRowItem = Omit<ModerationReportRow, 'sourceFingerprint'> & { source: string | null; flagLabel: string | null };

type Op = { op: 'approve' | 'hide' | 'restore'; label: string };

/** One report with the moderation buttons that apply to `target`; hiding asks for a reason. */
export function ReportRow(props: { item: ReportRowItem; target: 'report' | 'comment'; ops: Op[]; action: FormAction; sourceAction?: FormAction }) {
  const { item } = props;
  return (
    <tr data-report-id={item.id}>
      <td>
        {item.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
        <br />
        <span className="admin-tag">{item.platformId}</span> <span className="admin-tag">{item.academyId}</span> {item.category}
      </td>
      <td>{item.comment ?? <span className="admin-muted">sans commentaire</span>}</td>
      <td>
        {item.flagLabel ?? (item.counted ? 'compté' : 'non compté')}
        <br />
        <span className="admin-muted">source {item.source ?? 'effacée'}</span>
      </td>
      <td>
        {props.ops.map((op) => (
          <ActionForm key={op.op} action={props.action} submitLabel={op.label} inline danger={op.op === 'hide'}>
            <input type="hidden" name="reportId" value={item.id} />
            <input type="hidden" name="target" value={props.target} />
            <input type="hidden" name="op" value={op.op} />
            {op.op === 'hide' ? <input type="text" name="reason" placeholder="raison" aria-label="Raison" required minLength={3} maxLength={500} /> : null}
          </ActionForm>
        ))}
        {props.sourceAction && item.source ? (
          <ActionForm action={props.sourceAction} submitLabel={`Masquer toute la source ${item.source}`} inline danger>
            <input type="hidden" name="reportId" value={item.id} />
            <input type="text" name="reason" placeholder="raison" aria-label="Raison" required minLength={3} maxLength={500} />
          </ActionForm>
        ) : null}
      </td>
    </tr>
  );
}
