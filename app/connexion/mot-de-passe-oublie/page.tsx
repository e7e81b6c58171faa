import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/admin/action-form';
import { isMailConfigured } from '@/lib/auth/mailer';
import { requestResetAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Mot de passe oublié' };

export default function ForgottenPasswordPage() {
  if (!isMailConfigured()) notFound();
  return (
    <>
      <h1>Mot de passe oublié</h1>
      <ActionForm action={requestResetAction} submitLabel="Recevoir un lien">
        <label>
          Adresse e-mail du compte
          <input type="email" name="email" autoComplete="email" required />
        </label>
      </ActionForm>
    </>
  );
}
