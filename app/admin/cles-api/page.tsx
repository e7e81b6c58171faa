import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { IdAction } from '@/components/admin/id-action';
import { listOwnApiKeys } from '@/lib/auth/api-keys';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Clés d’API' };

export default async function ApiKeysPage() {
  const session = await guardPage('apikeys.own', '/admin/cles-api');
  if (!session) return <AccessDenied message={await deniedMessage('apikeys.own')} />;
  const keys = await listOwnApiKeys(session);
  return (
    <>
      <h1>Clés d’API</h1>
      <p className="admin-muted">Une clé donne accès aux données publiques avec des limites plus larges. Seule son empreinte est conservée.</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th>Nom</th>
            <th>Début de la clé</th>
            <th>Créée</th>
            <th>État</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>{key.prefix}…</td>
              <td>{key.createdAt.toISOString().slice(0, 10)}</td>
              <td>
                {key.revokedAt ? (
                  'révoquée'
                ) : (
                  <IdAction action={revokeApiKeyAction} id={key.id} label="Révoquer" danger />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="admin-card">
        <h2>Nouvelle clé</h2>
        <ActionForm action={createApiKeyAction} submitLabel="Créer une clé">
          <label>
            Nom (usage)
            <input type="text" name="name" required maxLength={80} />
          </label>
        </ActionForm>
      </section>
    </>
  );
}
