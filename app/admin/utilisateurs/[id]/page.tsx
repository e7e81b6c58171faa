import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { deniedMessage, guardPage, type PageWithId } from '@/lib/auth/page-guard';
import { ROLE_LABELS, USER_ROLES } from '@/lib/auth/roles';
import { listUsersForAdmin } from '@/lib/auth/users-admin';
import { updateUserAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Compte' };

function Op(props: { userId: string; op: string; label: string; danger?: boolean; reason?: boolean; children?: React.ReactNode }) {
  return (
    <ActionForm action={updateUserAction} submitLabel={props.label} danger={props.danger}>
      <input type="hidden" name="userId" value={props.userId} />
      <input type="hidden" name="op" value={props.op} />
      {props.children}
      {props.reason ? (
        <label>
          Raison (journal)
          <input type="text" name="reason" maxLength={500} />
        </label>
      ) : null}
    </ActionForm>
  );
}

export default async function UserPage(props: PageWithId) {
  const { id } = await props.params;
  if (!(await guardPage('users.manage', `/admin/utilisateurs/${id}`))) return <AccessDenied message={await deniedMessage('users.manage')} />;
  const user = (await listUsersForAdmin()).find((u) => u.id === id);
  if (!user) notFound();
  return (
    <>
      <h1>{user.email}</h1>
      <p>
        {user.disabledAt ? 'Compte désactivé' : 'Compte actif'} · double authentification {user.totpEnabledAt ? 'activée' : 'non activée'} ·{' '}
        {user.activeSessions} session(s) active(s)
      </p>
      <section className="admin-card">
        <h2>Rôles</h2>
        <Op userId={user.id} op="set_roles" label="Enregistrer les rôles" reason>
          <fieldset className="admin-checks">
            <legend>Rôles</legend>
            {USER_ROLES.map((role) => (
              <label key={role}>
                <input type="checkbox" name="roles" value={role} defaultChecked={user.roles.includes(role)} /> {ROLE_LABELS[role]}
              </label>
            ))}
          </fieldset>
        </Op>
      </section>
      <section className="admin-card">
        <h2>Sécurité</h2>
        <Op userId={user.id} op="revoke_sessions" label="Terminer toutes ses sessions" reason />
        <Op userId={user.id} op="issue_reset_link" label="Créer un lien de réinitialisation du mot de passe" reason />
        {user.totpEnabledAt ? <Op userId={user.id} op="reset_totp" label="Réinitialiser la double authentification" danger reason /> : null}
        {user.disabledAt ? (
          <Op userId={user.id} op="enable" label="Réactiver le compte" reason />
        ) : (
          <Op userId={user.id} op="disable" label="Désactiver le compte" danger reason />
        )}
      </section>
    </>
  );
}
