import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { IdAction } from '@/components/admin/id-action';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { getDb } from '@/lib/db/client';
import { readNames } from '@/lib/db/dashboard';
import { formatDateTime } from '@/lib/domain/format';
import { WEBHOOK_EVENTS } from '@/lib/webhooks/events';
import { listOwnWebhooks } from '@/lib/webhooks/subscriptions';
import { createWebhookAction, deleteWebhookAction, reactivateWebhookAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Webhooks' };

const EVENT_LABELS: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  opened: 'Incident ouvert',
  level_changed: 'Passage à « panne détectée »',
  academy_joined: 'Académie touchée',
  closed: 'Incident terminé ou écarté',
};
const STATUS_LABELS: Record<string, string> = { pending: 'en attente', delivered: 'remise', failed: 'abandonnée', cancelled: 'annulée' };

export default async function WebhooksPage() {
  const session = await guardPage('webhooks.own', '/admin/webhooks');
  if (!session) return <AccessDenied message={await deniedMessage('webhooks.own')} />;
  const [view, names] = await Promise.all([listOwnWebhooks(session), readNames(getDb())]);
  const urlOf = new Map(view.subscriptions.map((s) => [s.id, s.url]));
  return (
    <>
      <h1>Webhooks</h1>
      <p className="admin-muted">
        École en panne appelle votre adresse (POST JSON) à chaque événement d’incident choisi. Chaque envoi est signé : l’en-tête
        <code> X-Ecole-Signature: t=…,v1=…</code> est le HMAC-SHA256, avec votre secret, de « t.corps ». Une réponse 2xx en 5 secondes vaut remise ;
        sinon l’envoi est retenté avec un délai croissant pendant 24 heures. Après 15 échecs consécutifs le webhook est désactivé (et vous êtes prévenu
        par e-mail si l’envoi d’e-mails est configuré). Les adresses privées, locales ou de lien local sont refusées.
      </p>
      <table className="admin-table">
        <thead>
          <tr><th>Adresse</th><th>Filtres</th><th>État</th><th></th></tr>
        </thead>
        <tbody>
          {view.subscriptions.map((s) => (
            <tr key={s.id}>
              <td>{s.url}</td>
              <td>
                {s.events.map((e) => EVENT_LABELS[e as keyof typeof EVENT_LABELS] ?? e).join(', ')}
                <br />
                {s.platformIds.length ? s.platformIds.map((p) => names.platforms[p] ?? p).join(', ') : 'tous les services'} ·{' '}
                {s.academyIds.length ? s.academyIds.map((a) => names.academies[a]?.name ?? a).join(', ') : 'toutes les académies'}
              </td>
              <td>{s.active ? `actif${s.consecutiveFailures ? ` (${s.consecutiveFailures} échec(s) de suite)` : ''}` : `désactivé le ${formatDateTime(s.disabledAt ?? s.createdAt)} : ${s.disabledReason ?? ''}`}</td>
              <td>
                {s.active ? null : (
                  <IdAction action={reactivateWebhookAction} id={s.id} label="Réactiver" />
                )}
                <IdAction action={deleteWebhookAction} id={s.id} label="Supprimer" danger />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="admin-card">
        <h2>Nouveau webhook</h2>
        <ActionForm action={createWebhookAction} submitLabel="Créer le webhook">
          <label>
            Adresse à appeler
            <input type="url" name="url" required maxLength={2000} placeholder="https://redaction.example.org/hooks/ecole" />
          </label>
          <fieldset>
            <legend>Événements</legend>
            {WEBHOOK_EVENTS.map((e) => (
              <label key={e}>
                <input type="checkbox" name="events" value={e} defaultChecked /> {EVENT_LABELS[e]}
              </label>
            ))}
          </fieldset>
          <label>
            Services (aucun choisi : tous)
            <select name="platformIds" multiple size={6}>
              {Object.entries(names.platforms).sort((a, b) => a[1].localeCompare(b[1], 'fr')).map(([id, name]) => (
                <option key={id} value={id}>{name}</option>
              ))}
            </select>
          </label>
          <label>
            Académies (aucune choisie : toutes)
            <select name="academyIds" multiple size={6}>
              {Object.values(names.academies).sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((a) => (
                <option key={a.id} value={a.id}>{a.name}</option>
              ))}
            </select>
          </label>
          <label>
            Langue des liens
            <select name="locale" defaultValue="fr">
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
        </ActionForm>
      </section>
      <section>
        <h2>Derniers envois</h2>
        <table className="admin-table">
          <thead>
            <tr><th>Créé</th><th>Adresse</th><th>Événement</th><th>État</th><th>Tentatives</th><th>Dernière réponse</th></tr>
          </thead>
          <tbody>
            {view.deliveries.map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>{urlOf.get(d.subscriptionId)}</td>
                <td>{EVENT_LABELS[d.event as keyof typeof EVENT_LABELS] ?? d.event}</td>
                <td>{STATUS_LABELS[d.status] ?? d.status}{d.status === 'pending' ? ` (prochain essai ${formatDateTime(d.nextAttemptAt)})` : ''}</td>
                <td>{d.attempts}</td>
                <td>{d.lastStatus ? `HTTP ${d.lastStatus}` : (d.lastError ?? '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
