import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/admin/sign-in-form';
import { isMailConfigured } from '@/lib/auth/mailer';
import { safeCallbackPath, type PageQuery } from '@/lib/auth/page-guard';
import { providerInfo } from '@/lib/auth/providers';
import { getSession } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Connexion' };

export default async function SignInPage(props: PageQuery) {
  const params = await props.searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const error = typeof params.error === 'string' ? params.error.slice(0, 40) : null;
  if (!error && (await getSession())) redirect(callbackUrl);
  const { oidcName, emailLinks } = providerInfo();
  return (
    <>
      <h1>Connexion</h1>
      <p className="admin-muted">
        Réservé aux comptes de modération, d’administration, des syndicats et des journalistes. Signaler une panne ne demande
        aucun compte.
      </p>
      <SignInForm callbackUrl={callbackUrl} oidcName={oidcName} emailLinks={emailLinks} initialError={error} linkSent={params.lien === 'envoye'} />
      <p>
        {isMailConfigured() ? (
          <Link href="/connexion/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        ) : (
          'Mot de passe oublié ? Un administrateur peut vous donner un lien de réinitialisation ; un administrateur sans accès relance « npm run admin:create -- <son e-mail> » sur le serveur.'
        )}
      </p>
    </>
  );
}
