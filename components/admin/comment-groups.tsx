import { formatCount } from '@/lib/domain/format';
import { ActionForm, type FormAction } from './action-form';

type Group = { keys: string[]; count: number; sample: string };
type Props = { groups: Group[]; asOf: string; filters: Record<string, string>; action: FormAction };

/** The largest groups of near-identical pending comments, each published or hidden in one action. */
export function CommentGroups({ groups, asOf, filters, action }: Props) {
  if (groups.length === 0) return <p className="admin-muted">Aucun groupe de commentaires identiques.</p>;
  const hidden = (group: Group, op: 'approve' | 'hide') => (
    <>
      <input type="hidden" name="scope" value="group" />
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="asOf" value={asOf} />
      <input type="hidden" name="expected" value={group.count} />
      {group.keys.map((key) => (
        <input key={key} type="hidden" name="keys" value={key} />
      ))}
      {Object.entries(filters).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
  return (
    <table className="admin-table" aria-label="Groupes de commentaires identiques">
      <thead>
        <tr>
          <th>Commentaire (exemple)</th>
          <th>Taille</th>
          <th>Action sur tout le groupe</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.keys.join('|')} data-group-size={group.count}>
            <td>« {group.sample} »{group.keys.length > 1 ? <span className="admin-muted"> et {group.keys.length - 1} variante(s) proche(s)</span> : null}</td>
            <td>
              <strong>{formatCount(group.count)}</strong>
            </td>
            <td>
              <ActionForm action={action} submitLabel={`Publier les ${formatCount(group.count)}`} inline>
                {hidden(group, 'approve')}
              </ActionForm>
              <ActionForm action={action} submitLabel={`Masquer les ${formatCount(group.count)}`} inline danger>
                {hidden(group, 'hide')}
              </ActionForm>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
