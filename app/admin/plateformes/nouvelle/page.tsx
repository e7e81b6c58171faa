import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { PlatformFieldInputs } from '@/components/admin/platform-fields';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { listAcademies } from '@/lib/db/catalog';
import { ID_SLUG_HTML_PATTERN } from '@/lib/domain/slug';
import { createPlatformAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Nouvelle plateforme' };

export default async function NewPlatformPage() {
  if (!(await guardPage('catalog.manage', '/admin/plateformes/nouvelle'))) return <AccessDenied message={await deniedMessage('catalog.manage')} />;
  const academies = await listAcademies();
  return (
    <>
      <h1>Ajouter une plateforme</h1>
      <ActionForm action={createPlatformAction} submitLabel="Ajouter">
        <label>
          Identifiant (dans les adresses, non modifiable)
          <input type="text" name="id" required pattern={ID_SLUG_HTML_PATTERN} maxLength={60} />
        </label>
        <PlatformFieldInputs academies={academies} />
      </ActionForm>
    </>
  );
}
