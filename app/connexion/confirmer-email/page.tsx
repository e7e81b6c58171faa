import type { Metadata } from 'next';
import { ActionForm } from '@/components/admin/action-form';
import { queryValue, type PageQuery } from '@/lib/auth/page-guard';
import { confirmEmailAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Confirmer la nouvelle adresse', referrer: 'no-referrer' };

/** The change applies on the button press, not on opening the link (mail scanners open links). */
export default async function ConfirmEmailPage(props: PageQuery) {
  const token = queryValue(await props.searchParams, 'token') ?? '';
  return (
    <>
      <h1>Confirmer la nouvelle adresse</h1>
      <ActionForm action={confirmEmailAction} submitLabel="Confirmer">
        <input type="hidden" name="token" value={token} />
      </ActionForm>
    </>
  );
}
