import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { pendingTotp } from '@/lib/auth/account';
import { guardSignedIn } from '@/lib/auth/page-guard';
import { formatSecret } from '@/lib/auth/totp';
import { confirmTotpAction, startTotpAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Activer la double authentification' };

export default async function TotpEnrollmentPage() {
  const session = await guardSignedIn('/connexion/double-facteur');
  if (session.totpEnabled) {
    return (
      <>
        <h1>Double authentification</h1>
        <p>Elle est déjà activée sur ce compte.</p>
        <p>
          <Link href="/admin">Continuer vers l’espace d’administration</Link>
        </p>
      </>
    );
  }
  const pending = await pendingTotp(session);
  return (
    <>
      <h1>Activer la double authentification</h1>
      <p>
        Les comptes de modération et d’administration doivent confirmer chaque connexion avec un code à usage unique (TOTP),
        donné par une application comme FreeOTP, Aegis, Google Authenticator ou celle de votre gestionnaire de mots de passe.
      </p>
      {pending ? (
        <div className="admin-card">
          <p>1. Ajoutez ce compte dans l’application en saisissant la clé ci-dessous (ou ouvrez le lien sur le téléphone).</p>
          <p className="admin-reveal" data-testid="totp-secret">
            {formatSecret(pending.secret)}
          </p>
          <p>
            <a href={pending.uri}>Ouvrir dans l’application d’authentification</a>
          </p>
          <p>2. Saisissez le code affiché par l’application.</p>
          <ActionForm action={confirmTotpAction} submitLabel="Activer">
            <label>
              Code à 6 chiffres
              <input type="text" name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </label>
          </ActionForm>
          <p>
            <Link href="/admin">Continuer vers l’espace d’administration</Link> (après activation)
          </p>
        </div>
      ) : (
        <ActionForm action={startTotpAction} submitLabel="Commencer" />
      )}
    </>
  );
}
