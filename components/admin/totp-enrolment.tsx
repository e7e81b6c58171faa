'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { FormAction } from './action-form';
import { QrCode } from './qr-code';

type Props = { secret: string; uri: string; modules: boolean[][]; action: FormAction };

/** Scan (or type the key), enter the code; once activated the form gives way to the recovery codes. */
export function TotpEnrolment({ secret, uri, modules, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div className="admin-card" role="status">
        <p className="admin-result-ok">{state.message}</p>
        <ul className="admin-recovery-codes" aria-label="Codes de secours : à copier maintenant, ils ne seront plus affichés">
          {(state.reveal ?? []).map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p>
          <Link href="/admin">Continuer vers l’espace d’administration</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="admin-card">
      <p>1. Scannez ce code avec l’application d’authentification.</p>
      <QrCode modules={modules} label="Code QR à scanner avec l’application d’authentification" />
      <p>
        Ou saisissez la clé : <span className="admin-reveal" data-testid="totp-secret">{secret}</span> —{' '}
        <a href={uri}>ouvrir dans l’application (sur le téléphone)</a>
      </p>
      <p>2. Saisissez le code affiché par l’application.</p>
      <form action={formAction} className="admin-form">
        <label>
          Code à 6 chiffres
          <input type="text" name="code" inputMode="numeric" autoComplete="one-time-code" required />
        </label>
        <div>
          <button type="submit" className="admin-btn" disabled={pending}>
            Activer
          </button>
        </div>
        {state && !state.ok ? (
          <p role="alert" className="admin-result-error">
            {state.error}
          </p>
        ) : null}
      </form>
    </div>
  );
}
