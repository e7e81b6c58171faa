import { ActionForm, type FormAction } from './action-form';

/** A one-button form acting on one row (its id in a hidden field): revoke, delete, reactivate… */
export function IdAction(props: { action: FormAction; id: string; label: string; danger?: boolean }) {
  return (
    <ActionForm action={props.action} submitLabel={props.label} inline danger={props.danger}>
      <input type="hidden" name="id" value={props.id} />
    </ActionForm>
  );
}
