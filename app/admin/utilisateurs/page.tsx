import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { ROLE_LABELS, USER_ROLES } from '@/lib/auth/roles';
import { listUsersForAdmin } from '@/lib/auth/users-admin';
import { createUserAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Comptes' };

export default async function UsersPage() {
  if (!(await guardPage('users.manage', '/admin/utilisateurs'))) return <AccessDenied message={await deniedMessage('users.manage')} />;
  const users = await listUsersForAdmin();
  return (
    <>
      <h1>Comptes</h1>
      <table className="admin-table">
        <thead>
          <tr>
            <th>Adresse</th>
            <th>Rôles</th>
            <th>Double authentification</th>
            <th>Sessions actives</th>
            <th>État</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link href={`/admin/utilisateurs/${user.id}`}>{user.email}</Link>
                {user.name ? <span className="admin-muted"> ({user.name})</span> : null}
              </td>
              <td>{user.roles.map((r) => ROLE_LABELS[r]).join(', ') || '—'}</td>
              <td>{user.totpEnabledAt ? `activée (${user.recoveryCodeCount} codes de secours)` : 'non'}</td>
              <td>{user.activeSessions}</td>
              <td>{user.disabledAt ? 'désactivé' : 'actif'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="admin-card">
        <h2>Créer un compte</h2>
        <ActionForm action={createUserAction} submitLabel="Créer le compte">
          <label>
            Adresse e-mail
            <input type="email" name="email" required maxLength={254} />
          </label>
          <label>
            Nom (facultatif)
            <input type="text" name="name" maxLength={120} />
          </label>
          <fieldset className="admin-checks">
            <legend>Rôles</legend>
            {USER_ROLES.map((role) => (
              <label key={role}>
                <input type="checkbox" name="roles" value={role} /> {ROLE_LABELS[role]}
              </label>
            ))}
          </fieldset>
        </ActionForm>
      </section>
    </>
  );
}
