'use client';

import { useActionState } from 'react';
import type { FormAction } from './action-form';

/** The selection form: the row ticks join it with `form={id}`; the button pressed gives the op. */
export function SelectionActions({ id, action }: { id: string; action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form id={id} action={formAction} className="admin-form-inline" aria-label="Actions sur la sélection">
      <input type="hidden" name="scope" value="selection" />
      <button type="submit" name="op" value="approve" className="admin-btn" disabled={pending}>
        Publier la sélection
      </button>
      <button type="submit" name="op" value="hide" className="admin-btn admin-btn-danger" disabled={pending}>
        Masquer la sélection
      </button>
      {state ? (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'admin-result-ok' : 'admin-result-error'}>
          {state.ok ? state.message : state.error}
        </p>
      ) : null}
    </form>
  );
}
