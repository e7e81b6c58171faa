import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { PlatformFieldInputs } from '@/components/admin/platform-fields';
import { deniedMessage, guardPage, type PageWithId } from '@/lib/auth/page-guard';
import { getPlatformForAdmin } from '@/lib/catalog/admin';
import { listAcademies } from '@/lib/db/catalog';
import { retirePlatformAction, updatePlatformAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Plateforme' };

export default async function EditPlatformPage(props: PageWithId) {
  const { id } = await props.params;
  if (!(await guardPage('catalog.manage', `/admin/plateformes/${id}`))) return <AccessDenied message={await deniedMessage('catalog.manage')} />;
  const [platform, academies] = await Promise.all([getPlatformForAdmin(id), listAcademies()]);
  if (!platform) notFound();
  return (
    <>
      <h1>{platform.name}</h1>
      <p className="admin-muted">
        {platform.id} · {platform.reports} signalements · {platform.retiredAt ? 'retirée' : 'en service'}
      </p>
      <ActionForm action={updatePlatformAction} submitLabel="Enregistrer">
        <input type="hidden" name="id" value={platform.id} />
        <PlatformFieldInputs values={platform} academies={academies} />
      </ActionForm>
      <section className="admin-card">
        <h2>{platform.retiredAt ? 'Remettre en service' : 'Retirer du catalogue'}</h2>
        <p className="admin-muted">Une plateforme retirée disparaît du formulaire ; ses signalements et incidents restent.</p>
        <ActionForm action={retirePlatformAction} submitLabel={platform.retiredAt ? 'Remettre en service' : 'Retirer'} danger={!platform.retiredAt}>
          <input type="hidden" name="id" value={platform.id} />
          <input type="hidden" name="op" value={platform.retiredAt ? 'restore' : 'retire'} />
          <label>
            Raison
            <input type="text" name="reason" required minLength={3} maxLength={500} />
          </label>
        </ActionForm>
      </section>
    </>
  );
}
