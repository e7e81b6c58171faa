import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { SettingField } from '@/components/admin/setting-field';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { getSettingsView } from '@/lib/settings/admin';
import { updateSettingsAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Réglages' };

export default async function SettingsPage() {
  if (!(await guardPage('settings.manage', '/admin/reglages'))) return <AccessDenied message={await deniedMessage('settings.manage')} />;
  const view = await getSettingsView();
  return (
    <>
      <h1>Réglages</h1>
      <p className="admin-muted">
        Laissez un champ vide pour revenir à la valeur par défaut. Chaque modification est inscrite au journal avec les valeurs avant et après.
      </p>
      <ActionForm action={updateSettingsAction} submitLabel="Enregistrer les réglages">
        {view.definitions.map((d) => (
          <SettingField key={d.name} definition={d} stored={view.overrides[d.name]} fallback={view.defaults[d.name]} effective={view.effective[d.name]} />
        ))}
      </ActionForm>
    </>
  );
}
