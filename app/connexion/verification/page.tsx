import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ActionForm } from '@/components/admin/action-form';
import { guardSignedIn, queryValue, safeCallbackPath, type PageQuery } from '@/lib/auth/page-guard';
import { verifySecondFactorAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Double authentification' };

export default async function SecondFactorPage(props: PageQuery) {
  const callbackUrl = safeCallbackPath(queryValue(await props.searchParams, 'callbackUrl'));
  const session = await guardSignedIn('/connexion/verification');
  if (!session.totpEnabled) redirect('/connexion/double-facteur');
  if (session.mfa) redirect(callbackUrl);
  return (
    <>
      <h1>Double authentification</h1>
      <p>Saisissez le code à 6 chiffres de votre application d’authentification, ou l’un de vos codes de secours.</p>
      <ActionForm action={verifySecondFactorAction} submitLabel="Valider">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <label>
          Code
          <input type="text" name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
        </label>
      </ActionForm>
    </>
  );
}
