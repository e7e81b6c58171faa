import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { TotpEnrolment } from '@/components/admin/totp-enrolment';
import { pendingTotp } from '@/lib/auth/account';
import { guardSignedIn } from '@/lib/auth/page-guard';
import { formatSecret } from '@/lib/auth/totp';
import { qrModules } from '@/lib/auth/totp-qr';
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
        <TotpEnrolment secret={formatSecret(pending.secret)} uri={pending.uri} modules={qrModules(pending.uri)} action={confirmTotpAction} />
      ) : (
        <ActionForm action={startTotpAction} submitLabel="Commencer" />
      )}
    </>
  );
}
