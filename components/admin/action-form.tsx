'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/auth/schema';

export type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** A form bound to a server action, showing its answer (and values revealed once) below the button. */
export function ActionForm(props: {
  action: FormAction;
  submitLabel: string;
  children?: ReactNode;
  inline?: boolean;
  danger?: boolean;
  /** Lets inputs elsewhere on the page join this form (`form="…"`). */
  id?: string;
  /** Keyboard shortcut name, read by the moderation queue's key handler. */
  shortcut?: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
  return (
    <form id={props.id} action={formAction} className={props.inline ? 'admin-form-inline' : 'admin-form'}>
      {props.children}
      <div>
        <button type="submit" className={props.danger ? 'admin-btn admin-btn-danger' : 'admin-btn'} disabled={pending} data-shortcut={props.shortcut}>
          {props.submitLabel}
        </button>
      </div>
      {state ? <ActionMessage state={state} /> : null}
    </form>
  );
}

function ActionMessage({ state }: { state: ActionResult }) {
  if (!state.ok) {
    return (
      <p role="alert" className="admin-result-error">
        {state.error}
      </p>
    );
  }
  return (
    <div role="status">
      <p className="admin-result-ok">{state.message}</p>
      {state.reveal?.length ? (
        <ul className="admin-reveal" aria-label="À copier maintenant : ne sera plus affiché">
          {state.reveal.map((value) => (
            <li key={value}>{value}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
