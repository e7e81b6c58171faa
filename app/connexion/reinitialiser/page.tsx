import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { queryValue, type PageQuery } from '@/lib/auth/page-guard';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import { resetPasswordAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Choisir un mot de passe', referrer: 'no-referrer' };

export default async function ResetPasswordPage(props: PageQuery) {
  const token = queryValue(await props.searchParams, 'token') ?? '';
  return (
    <>
      <h1>Choisir un mot de passe</h1>
      <p>
        Au moins {PASSWORD_MIN_LENGTH} caractères ; une phrase de plusieurs mots est idéale. Les mots de passe courants sont
        refusés. Ce lien ne sert qu’une fois.
      </p>
      <ActionForm action={resetPasswordAction} submitLabel="Enregistrer">
        <input type="hidden" name="token" value={token} />
        <label>
          Nouveau mot de passe
          <input type="password" name="newPassword" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} required />
        </label>
      </ActionForm>
      <p>
        <Link href="/connexion">Aller à la connexion</Link>
      </p>
    </>
  );
}
