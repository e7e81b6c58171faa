import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/access-denied';
import { ActionForm } from '@/components/admin/action-form';
import { deniedMessage, guardPage } from '@/lib/auth/page-guard';
import { listIncidents } from '@/lib/moderation/incidents';
import { formatDateTime } from '@/lib/domain/format';
import { ACTIVE_STATES } from '@/lib/moderation/incident-plan';
import { moderateIncidentAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Incidents' };


export default async function IncidentsPage() {
  if (!(await guardPage('incidents.manage', '/admin/incidents'))) return <AccessDenied message={await deniedMessage('incidents.manage')} />;
  const incidents = await listIncidents();
  return (
    <>
      <h1>Incidents</h1>
      {incidents.length === 0 ? <p className="admin-muted">Aucun incident détecté pour l’instant.</p> : null}
      {incidents.map((incident) => {
        const active = ACTIVE_STATES.includes(incident.state);
        const hidden = (name: string, value: string) => <input type="hidden" name={name} value={value} />;
        return (
          <section key={incident.id} className="admin-card" data-incident-id={incident.id}>
            <h2>
              {incident.platformName} — {incident.stateLabel} ({incident.levelLabel})
            </h2>
            <p>
              {incident.period} (heure de Paris) · {incident.reportCount} signalements ·{' '}
              {incident.academyNames.map((a) => a.name).join(', ') || 'tout le territoire'}
            </p>
            {incident.dismissedReason ? <p>Écarté : {incident.dismissedReason}</p> : null}
            <ul className="admin-muted" aria-label="Déroulement, le plus récent d’abord">
              {incident.story.map((sentence, i) => (
                <li key={i}>{sentence}</li>
              ))}
            </ul>
            <ActionForm action={moderateIncidentAction} submitLabel="Annoter" inline>
              {hidden('op', 'annotate')}
              {hidden('incidentId', incident.id)}
              <input type="text" name="note" placeholder="note" aria-label="Note" required maxLength={2000} />
            </ActionForm>
            {active ? (
              <>
                <ActionForm action={moderateIncidentAction} submitLabel="Écarter" inline danger>
                  {hidden('op', 'dismiss')}
                  {hidden('incidentId', incident.id)}
                  <input type="text" name="reason" placeholder="raison" aria-label="Raison de l’écart" required minLength={3} maxLength={500} />
                </ActionForm>
                <ActionForm action={moderateIncidentAction} submitLabel="Fusionner dans" inline>
                  {hidden('op', 'merge')}
                  {hidden('incidentId', incident.id)}
                  <select name="intoId" aria-label="Incident cible" required>
                    {incidents
                      .filter((o) => o.id !== incident.id && o.platformId === incident.platformId && ACTIVE_STATES.includes(o.state))
                      .map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.platformName}, début le {formatDateTime(o.startedAt)} ({o.academies.length} académie(s))
                        </option>
                      ))}
                  </select>
                </ActionForm>
                {incident.academies.length > 1 ? (
                  <ActionForm action={moderateIncidentAction} submitLabel="Scinder ces académies" inline>
                    {hidden('op', 'split')}
                    {hidden('incidentId', incident.id)}
                    <span className="admin-checks">
                      {incident.academyNames.map((a) => (
                        <label key={a.id}>
                          <input type="checkbox" name="academies" value={a.id} /> {a.name}
                        </label>
                      ))}
                    </span>
                  </ActionForm>
                ) : null}
              </>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
