import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { listUsersForAdmin } from '@/lib/auth/users-admin';
import { listOrganisationsForAdmin } from '@/lib/organisations/admin';
import { createOrganisationAction, setMemberAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Organisations' };

export default async function OrganisationsPage() {
  const session = await guardPage('organisations.manage', '/admin/organisations');
  if (!session) return <AccessDenied message={await deniedMessage('organisations.manage')} />;
  const [organisations, users] = await Promise.all([listOrganisationsForAdmin(), listUsersForAdmin()]);
  const candidates = users.filter((u) => u.roles.includes('union') || u.roles.includes('journalist'));
  return (
    <>
      <h1>Organisations</h1>
      <p className="admin-muted">Les membres d’une organisation (syndicat, rédaction) partagent ses dossiers et ses notes ; aucune autre organisation ne les voit. Un compte appartient à une organisation au plus.</p>
      {organisations.map((org) => (
        <section className="admin-card" key={org.id}>
          <h2>{org.name}</h2>
          <ul>
            {org.members.map((m) => (
              <li key={m.userId}>
                {m.email}{' '}
                <ActionForm action={setMemberAction} submitLabel="Détacher" inline danger>
                  <input type="hidden" name="organisationId" value={org.id} />
                  <input type="hidden" name="userId" value={m.userId} />
                  <input type="hidden" name="remove" value="1" />
                </ActionForm>
              </li>
            ))}
          </ul>
          <ActionForm action={setMemberAction} submitLabel="Rattacher">
            <input type="hidden" name="organisationId" value={org.id} />
            <label>
              Compte syndicat ou journaliste
              <select name="userId" required defaultValue="">
                <option value="" disabled>Choisir…</option>
                {candidates.map((u) => (
                  <option key={u.id} value={u.id}>{u.email}</option>
                ))}
              </select>
            </label>
          </ActionForm>
        </section>
      ))}
      <section className="admin-card">
        <h2>Nouvelle organisation</h2>
        <ActionForm action={createOrganisationAction} submitLabel="Créer">
          <label>
            Nom
            <input type="text" name="name" required maxLength={120} />
          </label>
        </ActionForm>
      </section>
    </>
  );
}
