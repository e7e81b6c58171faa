import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { guardSignedIn } from '@/lib/auth/page-guard';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import { changeEmailAction, changePasswordAction, renewRecoveryCodesAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Mon compte' };

function Reauth({ totp }: { totp: boolean }) {
  return (
    <>
      <label>
        Mot de passe actuel
        <input type="password" name="currentPassword" autoComplete="current-password" required />
      </label>
      {totp ? (
        <label>
          Code de vérification
          <input type="text" name="code" inputMode="numeric" autoComplete="one-time-code" required />
        </label>
      ) : null}
    </>
  );
}

export default async function AccountPage() {
  const session = await guardSignedIn('/admin/compte');
  return (
    <>
      <h1>Mon compte</h1>
      <section className="admin-card">
        <h2>Mot de passe</h2>
        <ActionForm action={changePasswordAction} submitLabel="Changer le mot de passe">
          <Reauth totp={session.totpEnabled} />
          <label>
            Nouveau mot de passe (au moins {PASSWORD_MIN_LENGTH} caractères)
            <input type="password" name="newPassword" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} required />
          </label>
        </ActionForm>
      </section>
      <section className="admin-card">
        <h2>Adresse de connexion</h2>
        <p>Actuelle : {session.email}</p>
        <ActionForm action={changeEmailAction} submitLabel="Changer d’adresse">
          <label>
            Nouvelle adresse
            <input type="email" name="newEmail" autoComplete="email" required />
          </label>
          <Reauth totp={session.totpEnabled} />
        </ActionForm>
      </section>
      <section className="admin-card">
        <h2>Double authentification</h2>
        {session.totpEnabled ? (
          <ActionForm action={renewRecoveryCodesAction} submitLabel="Générer de nouveaux codes de secours">
            <Reauth totp />
          </ActionForm>
        ) : (
          <p>
            Non activée. <Link href="/connexion/double-facteur">L’activer</Link>
          </p>
        )}
      </section>
    </>
  );
}
